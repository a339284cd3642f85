package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.Trace;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When plan goes to a cluster: a kubeconfig given, listed in $KUBECONFIG, or at ~/.kube/config. */
class KubeConnectionsTest {

    @Test
    void kubeconfigAvailable_nothingAnywhere_isFalse(@TempDir Path home) {
        assertFalse(KubeConnections.kubeconfigAvailable(null, null, home));
        assertFalse(KubeConnections.kubeconfigAvailable(null, "", home));
    }

    @Test
    void kubeconfigAvailable_givenOrInHome_isTrue(@TempDir Path home) throws Exception {
        assertTrue(KubeConnections.kubeconfigAvailable(home.resolve("explicit"), null, home));
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
        assertTrue(KubeConnections.kubeconfigAvailable(null, null, home));
    }

    @Test
    void kubeconfigAvailable_environmentListsFiles_countsOnlyExistingOnes(@TempDir Path home) throws Exception {
        Path real = Files.writeString(home.resolve("real"), "apiVersion: v1\n");
        assertFalse(KubeConnections.kubeconfigAvailable(null, home.resolve("missing").toString(), home));
        assertTrue(KubeConnections.kubeconfigAvailable(null, home.resolve("missing") + File.pathSeparator + real, home));
    }

    @Test
    void session_kubeconfigMissing_isBadInputNamingTheFile(@TempDir Path home) {
        Path missing = home.resolve("missing");
        SignozHaException e = assertThrows(
                SignozHaException.class, () -> KubeConnections.session(missing, null, Trace.off()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(missing + ": cannot be read: no such file, or no permission", e.getMessage());
    }

    @Test
    void session_kubeconfigGiven_connectsWithItsCurrentContext(@TempDir Path home) throws Exception {
        Path kubeconfig = Files.writeString(home.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: lab
                  cluster: {server: "https://127.0.0.1:6443"}
                users:
                - name: admin
                  user: {token: abc}
                contexts:
                - name: lab-admin
                  context: {cluster: lab, user: admin, namespace: platform}
                current-context: lab-admin
                """);
        try (KubeSession session = KubeConnections.session(kubeconfig, null, Trace.off())) {
            assertEquals("context:lab-admin", session.gateway().describe());
        }
    }

    @Test
    void session_leavesNoLibraryLoggingOnStderr(@TempDir Path dir) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StreamHandler console = new StreamHandler(stderr, new SimpleFormatter());
        Logger.getLogger("").addHandler(console);
        KubeSession session = KubeConnections.session(kubeconfig, null, Trace.off());
        try {
            io.vertx.core.impl.logging.LoggerFactory.getLogger("io.vertx.core.impl.btc.BlockedThreadChecker").warn(
                    "Thread Thread[vert.x-eventloop-thread-1,5,main] has been blocked for 2417 ms, time limit is 2000 ms");
        } finally {
            session.close();
            console.flush();
            Logger.getLogger("").removeHandler(console);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }
}
