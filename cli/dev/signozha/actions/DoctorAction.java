package dev.signozha.actions;

import dev.signozha.checks.CheckContext;
import dev.signozha.checks.CheckReport;
import dev.signozha.checks.CheckRunner;
import dev.signozha.checks.ClickHouseEvidence;
import dev.signozha.checks.ClusterView;
import dev.signozha.checks.DoctorChecks;
import dev.signozha.checks.Intended;
import dev.signozha.checks.RunbookContext;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.state.StateRecord;
import dev.signozha.core.state.StateRecordCodec;
import dev.signozha.core.topology.LoadedTopology;
import dev.signozha.core.topology.TopologyLoader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * doctor: read the cluster (live or from a snapshot) once, settle which namespace and which intended
 * topology to judge it against, and run every check.
 */
public final class DoctorAction {

    /**
     * What doctor was asked: where to read Kubernetes objects (null: nowhere), which namespace (may be null),
     * which topology (may be null), and how to look inside ClickHouse.
     */
    public record Request(
            Function<String, Inventory> reader,
            String namespace,
            LoadedTopology topology,
            ClickHouseAccess clickhouse) {}

    /** The topology file, loaded; null when none was given. */
    public static LoadedTopology load(Path topologyFile) {
        return topologyFile == null ? null : InputFiles.topology(topologyFile);
    }

    /**
     * The report, what it was judged against, what was seen inside ClickHouse, and the cluster's names its runbooks'
     * commands take.
     */
    public record Result(
            CheckReport report,
            String namespace,
            String topology,
            ClickHouseEvidence clickhouse,
            RunbookContext runbooks) {

        /** Why nothing inside ClickHouse was seen (not asked, no pod, no host answered); empty when it was. */
        public Optional<String> clickhouseUnseen() {
            if (clickhouse.observation().isEmpty()) {
                return Optional.of(clickhouse.absentReason());
            }
            return clickhouse
                    .observation()
                    .filter(observation -> !observation.answered())
                    .map(observation -> "no ClickHouse host answered: " + observation.seedError());
        }
    }

    public Result run(Request request) {
        Optional<LoadedTopology> topology = Optional.ofNullable(request.topology());
        String namespace = request.namespace() != null
                ? request.namespace()
                : topology.map(t -> t.spec().namespace()).orElse(null);
        Optional<ClusterView> view = Optional.ofNullable(request.reader())
                .map(reader -> reader.apply(namespace))
                .map(inventory ->
                        new ClusterView(inventory, namespace != null ? namespace : NamespaceGuess.of(inventory)));
        Optional<LoadedTopology> recorded =
                topology.isPresent() ? Optional.empty() : view.flatMap(DoctorAction::recorded);
        Optional<Intended> intended = topology.map(t -> Intended.of(t, "topology file " + t.source(), view))
                .or(() -> recorded.map(t -> Intended.of(t, "state record " + t.source(), view)))
                .or(() -> view.flatMap(Intended::infer));
        ClickHouseEvidence clickhouse = request.clickhouse().look(intended, view);
        CheckContext context = new CheckContext(view, intended, clickhouse);
        CheckReport report = CheckRunner.run(DoctorChecks.all(), context);
        String scope = view.map(ClusterView::namespace).orElse(namespace == null ? "" : namespace);
        return new Result(
                report,
                scope,
                intended.map(DoctorAction::describe)
                        .orElse("unknown: no topology file, " + "state record or ClickHouseInstallation"),
                clickhouse,
                RunbookContext.of(context, topology.or(() -> recorded).map(LoadedTopology::spec)));
    }

    /** The topology of the tool's state record in the namespace, when it has one. */
    private static Optional<LoadedTopology> recorded(ClusterView view) {
        String source = StateRecord.source(view.namespace());
        return view.stateRecord()
                .map(ConfigMap::getData)
                .filter(data -> data != null && data.containsKey(StateRecordCodec.TOPOLOGY))
                .map(data -> TopologyLoader.load(source, data.get(StateRecordCodec.TOPOLOGY)));
    }

    private static String describe(Intended intended) {
        return intended.origin() + ": " + intended.shards() + " shard(s) x " + intended.replicas()
                + " replica(s), cluster " + intended.cluster() + ", host " + intended.host();
    }

    /** Which namespace a snapshot is about, when nobody said. */
    static final class NamespaceGuess {

        private NamespaceGuess() {}

        static String of(Inventory inventory) {
            List<String> withClickHouse = inventory.clickHouseInstallations().stream()
                    .map(chi -> chi.getMetadata().getNamespace())
                    .distinct()
                    .toList();
            if (withClickHouse.size() == 1) {
                return withClickHouse.get(0);
            }
            if (inventory.namespaces().size() == 1) {
                return inventory.namespaces().get(0);
            }
            // The inventory names its source "snapshot:FILE"; errors name the file itself, as for every other input.
            String file = inventory.source().replaceFirst("^snapshot:", "");
            throw InvalidInputException.single(
                    file,
                    inventory.namespaces().isEmpty()
                            ? "names no namespace on any object; say which one the release is in with -n"
                            : "covers namespaces " + inventory.namespaces()
                                    + "; say which one the release is in with -n");
        }
    }
}
