package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.inventory.Redaction;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Passwords: no ClickHouse user with the SigNoz chart's published default, no password as a plain env value.
 * Findings name the object and the variable, never the value.
 */
final class SecurityChecks {

    private SecurityChecks() {
    }

    static List<Check> all() {
        return List.of(Check.of(CheckCatalog.DEFAULT_CLICKHOUSE_PASSWORD, SecurityChecks::passwords));
    }

    private static Outcome passwords(CheckContext context) {
        ClusterView view = context.view();
        List<Finding> findings = new ArrayList<>();
        for (GenericKubernetesResource installation : view.installations()) {
            Installations.users(installation).properties().forEach(setting -> {
                if (setting.getKey().endsWith("/password") && Redaction.isChartDefaultPassword(setting.getValue().asText())) {
                    findings.add(Finding.of("user " + setting.getKey().split("/")[0]
                            + " has the SigNoz chart's published default password", Inventory.id(installation)));
                }
            });
        }
        view.workloads().forEach(workload -> plainPasswords(workload, findings));
        return Outcome.of(findings, "passwords come from Secrets and none is the chart default");
    }

    private static void plainPasswords(HasMetadata workload, List<Finding> findings) {
        for (Container container : ClusterView.containers(ClusterView.spec(workload))) {
            for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                String value = variable.getValue();
                if (value != null && Redaction.hasInlinePassword(value)) {
                    findings.add(Finding.of("container " + container.getName() + " has a password inline in the DSN of "
                            + variable.getName() + " instead of a Secret reference", Inventory.id(workload)));
                    continue;
                }
                if (value == null || value.isEmpty() || !Redaction.isSecretSetting(variable.getName())
                        || value.contains("$(")) {
                    continue;
                }
                String what = Redaction.isChartDefaultPassword(value) ? "the SigNoz chart's published default password"
                        : "a password";
                findings.add(Finding.of("container " + container.getName() + " gets " + what + " as the plain value of "
                        + variable.getName() + " instead of a Secret reference", Inventory.id(workload)));
            }
        }
    }
}
