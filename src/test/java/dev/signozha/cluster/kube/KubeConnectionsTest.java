package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
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
}
