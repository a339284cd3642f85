package dev.signozha.support;

import dev.signozha.actions.ClickHouseAccess;
import dev.signozha.actions.Confirmer;
import dev.signozha.actions.DeployAction;
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
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A deploy of the production example in a process of its own, against the mock API server another process runs
 * (its kubeconfig is the first argument), with the fake chart: what a crash test kills with SIGKILL. Prints
 * progress lines to stdout as they happen; the second argument is the lock's TTL in seconds, the third how long
 * to wait for a lock another run holds.
 */
public final class DeployProcess {

    private DeployProcess() {
    }

    public static void main(String[] args) throws Exception {
        java.util.logging.LogManager.getLogManager().reset();
        Config config = Config.fromKubeconfig(null, Files.readString(Path.of(args[0])), args[0]);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(KubeConnections.tune(config,
                Duration.ofSeconds(5), new java.util.Random())).build();
        KubeSession session = new KubeSession(client, "context:mock", Clock.systemUTC());
        PrintWriter out = new PrintWriter(System.out, true);
        DeployAction.Request request = RequestEdit.of(SimulatedCluster.deploy())
                .lockWait(Duration.ofSeconds(Long.parseLong(args[2])))
                .lockTtl(Duration.ofSeconds(Long.parseLong(args[1]))).build();
        int code;
        try {
            code = new DeployAction(new ClasspathTemplates(), "test", Clock.systemUTC(), LeaseLock.Timing.system()).run(
                    request, new DeployAction.Cluster(session, new FakeChart(client),
                            ClickHouseAccess.none("crash test"), topology -> IngestionProbe.none()),
                    new DeployAction.Console(out, Progress.log(out, Clock.systemUTC()), Confirmer.nobody(), Style.PLAIN));
        } catch (SignozHaException e) {
            out.println("error: " + e.getMessage());
            code = e.exitCode().code();
        }
        session.close();
        System.exit(code);
    }
}
