package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.SnapshotParser;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZooKeeperChecksTest {

    private static final String ENSEMBLE = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: {name: zk-config, namespace: platform}
              data: {zoo.cfg: "tickTime=2000\\ndataDir=/data\\ndataLogDir=%s\\nautopurge.purgeInterval=1\\n"}
            - apiVersion: apps/v1
              kind: StatefulSet
              metadata: {name: zookeeper, namespace: platform, labels: {app.kubernetes.io/name: zookeeper}}
              spec:
                replicas: 3
                selector: {matchLabels: {app: zk}}
                template:
                  metadata: {labels: {app: zk}}
                  spec:
                    containers:
                    - name: zookeeper
                      image: zookeeper:3.8.4
                      env:
                      - {name: ZOO_DATA_DIR, value: /data}
                      - {name: ZOO_DATA_LOG_DIR, value: %s}
                      - {name: ZOO_AUTOPURGE_PURGEINTERVAL, value: "1"}
                      volumeMounts:
                      - {name: data, mountPath: /data}
                      - {name: datalog, mountPath: /datalog}
                      - {name: config, mountPath: /conf}
                    volumes:
                    - {name: datalog, emptyDir: {}}
                    - {name: config, configMap: {name: zk-config}}
                volumeClaimTemplates:
                - metadata: {name: data}
                  spec: {resources: {requests: {storage: 20Gi}}}
            """;

    private static CheckResult storage(String logDir) {
        ClusterView view =
                new ClusterView(SnapshotParser.parse("zk.yaml", ENSEMBLE.formatted(logDir, logDir)), "platform");
        return CheckRunner.run(
                        ZooKeeperChecks.all().stream()
                                .filter(c -> c.spec() == CheckCatalog.ZOOKEEPER_STORAGE)
                                .toList(),
                        new CheckContext(view, Optional.empty()))
                .results()
                .get(0);
    }

    @Test
    void storage_transactionLogOnEmptyDir_isAFindingFromTheEnvAndTheConfig() {
        CheckResult result = storage("/datalog/version-2");
        assertEquals(CheckResult.Status.FAIL, result.status());
        String detail = result.findings().get(0).detail();
        assertTrue(detail.contains("ZOO_DATA_LOG_DIR /datalog/version-2 is on emptyDir volume datalog"), detail);
        assertTrue(detail.contains("dataLogDir /datalog/version-2 is on emptyDir volume datalog"), detail);
        assertTrue(!detail.contains("ZOO_DATA_DIR"), "the data directory is on the claim: " + detail);
    }

    @Test
    void storage_transactionLogOnTheClaim_passes() {
        assertEquals(CheckResult.Status.PASS, storage("/data/log").status());
    }
}
