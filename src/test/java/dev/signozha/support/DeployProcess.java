package dev.signozha.support;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.ClickHouseData;
import dev.signozha.actions.Confirmer;
import dev.signozha.actions.DeployAction;
import dev.signozha.actions.DeployPhase;
import dev.signozha.actions.IngestionProbe;
import dev.signozha.actions.Progress;
import dev.signozha.cluster.kube.KubeConnections;
import dev.signozha.cluster.kube.KubeSession;
import dev.signozha.cluster.kube.LeaseLock;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.render.ClasspathTemplates;
import dev.signozha.core.text.Style;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.File;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A deploy of the production example in a process of its own, against the mock API server another process runs
 * (its kubeconfig is the first argument), with the fake chart: what a crash test kills with SIGKILL. Prints
 * progress lines to stdout as they happen; the second argument is the lock's TTL in seconds, the third how long
 * to wait for a lock another run holds, the optional fourth the file the fake chart keeps its Helm revisions in
 * (shared with the run after the kill), the optional fifth a kill point where the run stops, holding the lock, until
 * it is killed: so a kill lands there, not wherever it happens to be. Kill points: {@code step:K}, after the first
 * progress line of step {@code [K/N]}; {@code applied:PATH}, once the API server accepted the apply of the object
 * at {@code PATH} (the middle of a phase's batch: the objects after it are not applied); {@code helm}, halfway
 * through the SigNoz chart's helm run (see {@link FakeChart#stopMidRun}). Those two print
 * {@code kill point: WHAT} when they are reached.
 */
public final class DeployProcess {

    private DeployProcess() {}

    private static final String STEP = "step:";
    private static final String APPLIED = "applied:";
    private static final String HELM = "helm";

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        PrintWriter out = new PrintWriter(System.out, true);
        String killPoint = args.length > 4 ? args[4] : "";
        Config config = Config.fromKubeconfig(null, new File(args[0]));
        KubernetesClientBuilder builder = new KubernetesClientBuilder()
                .withConfig(KubeConnections.tune(config, Duration.ofSeconds(5), new java.util.Random()));
        if (killPoint.startsWith(APPLIED)) {
            builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(
                    "kill-point", stopAfterApplying(killPoint.substring(APPLIED.length()), out)));
        }
        KubernetesClient client = builder.build();
        KubeSession session = new KubeSession(client, "context:mock", Clock.systemUTC());
        DeployAction.Request request = SimulatedCluster.deploy().toBuilder()
                .lockWait(Duration.ofSeconds(Long.parseLong(args[2])))
                .lockTtl(Duration.ofSeconds(Long.parseLong(args[1])))
                .build();
        FakeChart helm = args.length > 3 ? FakeChart.sharingRevisions(client, Path.of(args[3])) : new FakeChart(client);
        if (killPoint.equals(HELM)) {
            helm.stopMidRun(() -> waitForTheKill(out, "halfway through helm upgrade --install"));
        }
        Progress progress = Progress.log(out, Clock.systemUTC());
        int code;
        try {
            code = new DeployAction(new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system())
                    .run(
                            request,
                            new DeployAction.Cluster(
                                    session,
                                    helm,
                                    ClickHouseAccess.none("crash test"),
                                    topology -> IngestionProbe.none(),
                                    topology -> ClickHouseData.none("crash test")),
                            new DeployAction.Console(
                                    out,
                                    killPoint.startsWith(STEP)
                                            ? stoppingAt(Integer.parseInt(killPoint.substring(STEP.length())), progress)
                                            : progress,
                                    Confirmer.nobody(),
                                    Style.PLAIN));
        } catch (SignozHaException e) {
            out.println("error: " + e.getMessage());
            code = e.exitCode().code();
        }
        session.close();
        System.exit(code);
    }

    /** {@code progress}, and after the first line of step {@code stop} the run goes no further: it waits to be killed. */
    private static Progress stoppingAt(int stop, Progress progress) {
        return new Progress() {
            @Override
            public void update(int step, int steps, DeployPhase phase, String state, Duration waited) {
                progress.update(step, steps, phase, state, waited);
                waitForTheKillIn(step);
            }

            @Override
            public void finish(int step, int steps, DeployPhase phase, String result, Duration waited) {
                progress.finish(step, steps, phase, result, waited);
                waitForTheKillIn(step);
            }

            @Override
            public void note(String line) {
                progress.note(line);
            }

            private void waitForTheKillIn(int step) {
                while (step == stop) {
                    LockSupport.park();
                }
            }
        };
    }

    /**
     * Once the API server answered the apply (a PATCH) of the object at {@code path} successfully, the client's
     * thread handing that answer on waits for the kill: the run never learns the apply went through.
     */
    private static Interceptor stopAfterApplying(String path, PrintWriter out) {
        return new Interceptor() {
            @Override
            public void after(
                    HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
                if (request.method().equals("PATCH")
                        && request.uri().getRawPath().endsWith(path)
                        && response.isSuccessful()) {
                    waitForTheKill(out, "applied " + path);
                }
            }
        };
    }

    private static void waitForTheKill(PrintWriter out, String where) {
        out.println("kill point: " + where);
        while (true) {
            LockSupport.park();
        }
    }
}
