package dev.signozha.support;

import dev.signozha.actions.ClickHouseAccess;
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
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A deploy of the production example in a process of its own, against the mock API server another process runs
 * (its kubeconfig is the first argument), with the fake chart: what a crash test kills with SIGKILL. Prints
 * progress lines to stdout as they happen; the second argument is the lock's TTL in seconds, the third how long
 * to wait for a lock another run holds, the optional fourth the file the fake chart keeps its Helm revisions in
 * (shared with the run after the kill), the optional fifth the step ({@code [k/N]}) whose first progress line the
 * run stops after, holding the lock, until it is killed: so a kill lands in that phase, not wherever it happens
 * to be.
 */
public final class DeployProcess {

    private DeployProcess() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        Config config = Config.fromKubeconfig(null, new File(args[0]));
        KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeConnections.tune(config,
                Duration.ofSeconds(5), new java.util.Random())).build();
        KubeSession session = new KubeSession(client, "context:mock", Clock.systemUTC());
        PrintWriter out = new PrintWriter(System.out, true);
        DeployAction.Request request = RequestEdit.of(SimulatedCluster.deploy())
                .lockWait(Duration.ofSeconds(Long.parseLong(args[2])))
                .lockTtl(Duration.ofSeconds(Long.parseLong(args[1]))).build();
        FakeChart helm = args.length > 3 ? FakeChart.sharingRevisions(client, Path.of(args[3])) : new FakeChart(client);
        Progress progress = Progress.log(out, Clock.systemUTC());
        int code;
        try {
            code = new DeployAction(new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system()).run(
                    request, new DeployAction.Cluster(session, helm,
                            ClickHouseAccess.none("crash test"), topology -> IngestionProbe.none()),
                    new DeployAction.Console(out, args.length > 4 ? stoppingAt(Integer.parseInt(args[4]), progress)
                            : progress, Confirmer.nobody(), Style.PLAIN));
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
}
