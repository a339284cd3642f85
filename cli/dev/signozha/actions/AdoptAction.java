package dev.signozha.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.cluster.helm.HelmGateway;
import dev.signozha.cluster.helm.HelmRelease;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.cluster.kube.StateStore;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.adopt.AdoptedTopology;
import dev.signozha.core.adopt.InstalledRelease;
import dev.signozha.core.adopt.ReleaseAdoption;
import dev.signozha.core.render.Renderer;
import dev.signozha.core.render.TemplateSource;
import dev.signozha.core.state.HistoryEntry;
import dev.signozha.core.state.LockHolder;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import dev.signozha.core.yaml.CanonicalYaml;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * adopt: writes the topology of a release installed with plain Helm and, under the lock, starts its state
 * record, so deploy and upgrade then act on it. Writes nothing else: no object, no Helm revision.
 */
public final class AdoptAction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateSource templates;
    private final String toolVersion;
    private final Clock clock;
    private final LeaseLock.Timing timing;

    public AdoptAction(TemplateSource templates, String toolVersion, Clock clock, LeaseLock.Timing timing) {
        this.templates = templates;
        this.toolVersion = toolVersion;
        this.clock = clock;
        this.timing = timing;
    }

    /** {@code record}: start the state record; without it the cluster is only read. */
    public record Request(String namespace, String release, boolean record) {}

    /** The topology, and the state record started, when asked and done. */
    public record Result(AdoptedTopology adopted, Optional<String> recordedIn) {

        /**
         * What adopt tells the operator besides the topology, a line each: every value not mapped, every note, and
         * the state record started; {@code file} is where the topology was written, for the next command.
         */
        public List<String> report(String file) {
            List<String> lines = new ArrayList<>();
            adopted.unmapped().forEach(value -> lines.add("not mapped: " + value));
            adopted.notes().forEach(note -> lines.add("note: " + note));
            recordedIn.ifPresent(record -> lines.add("started " + record + ": deploy and upgrade now accept the "
                    + "release; next: signoz-ha plan -f " + file));
            return lines;
        }
    }

    public Result run(Request request, KubeSession session, HelmGateway helm) {
        HelmRelease release = helm.status(request.namespace(), request.release())
                .orElseThrow(() -> new SignozHaException(
                        ExitCode.BAD_INPUT,
                        "no Helm release " + request.release() + " in namespace " + request.namespace() + " (helm -n "
                                + request.namespace() + " list); nothing was changed"));
        Optional<JsonNode> values = helm.suppliedValues(request.namespace(), request.release());
        List<JsonNode> installations =
                session.gateway().inventory(request.namespace()).clickHouseInstallations().stream()
                        .map(chi -> JSON.<JsonNode>valueToTree(chi))
                        .toList();
        AdoptedTopology adopted = ReleaseAdoption.adopt(new InstalledRelease(
                request.namespace(), request.release(), release.chartVersion(), values.orElse(null), installations));
        LoadedTopology loaded = TopologyLoader.load("the adopted topology", adopted.yaml());
        if (!request.record()) {
            return new Result(adopted, Optional.empty());
        }
        return new Result(adopted, Optional.of(record(request, session, loaded, adopted, release, secrets(values))));
    }

    /**
     * Starts the state record under the lock: the adopted topology, the hash of what it renders, the installed
     * chart, no manifests (the tool applied none, so it prunes none) and an {@code adopt} entry. A record that
     * already holds an applied topology is the tool's own and is never replaced.
     */
    private String record(
            Request request,
            KubeSession session,
            LoadedTopology loaded,
            AdoptedTopology adopted,
            HelmRelease release,
            List<String> secrets) {
        String valuesHash = StateRecord.hash(CanonicalYaml.yaml(
                new Renderer(templates).render(loaded.topology()).values()));
        StateStore state = session.state(request.namespace(), secrets);
        LockHolder holder = LeaseLock.localHolder("adopt", LeaseLock.DEFAULT_TTL, clock);
        try (LeaseLock lock = session.lock(request.namespace(), holder, state, timing)) {
            lock.acquire(Duration.ZERO);
            if (state.read().map(record -> !record.neverApplied()).orElse(false)) {
                throw new SignozHaException(
                        ExitCode.REFUSED,
                        "release " + request.release() + " is already managed by "
                                + "signoz-ha (" + state.source()
                                + " holds its topology); nothing was changed. Its topology: "
                                + "kubectl -n " + request.namespace() + " get configmap " + StateRecord.CONFIG_MAP
                                + " -o jsonpath='{.data.topology}'");
            }
            state.update(
                    record -> record.applied(adopted.yaml(), valuesHash, release.chartVersion(), toolVersion, List.of())
                            .withEntry(new HistoryEntry(
                                    clock.instant(),
                                    "adopt",
                                    release.chartVersion(),
                                    valuesHash,
                                    HistoryEntry.SUCCEEDED,
                                    holder.identity(),
                                    "adopted Helm release " + request.namespace() + "/" + request.release()
                                            + " at revision " + release.revision())));
        }
        return state.source();
    }

    /** Values that must never reach the record: the plain passwords the release was installed with. */
    private static List<String> secrets(Optional<JsonNode> values) {
        return values.stream()
                .flatMap(v -> java.util.stream.Stream.of(
                        v.path("clickhouse").path("password"),
                        v.path("externalClickhouse").path("password")))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .filter(text -> !text.isEmpty())
                .toList();
    }
}
