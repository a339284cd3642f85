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
 * Passwords: no ClickHouse user with the SigNoz chart's published default (an error), and no other password in
 * clear in the installation or as a plain env value (a warning: bundled mode's chart can take no other form).
 * Findings name the object and the variable, never the value.
 */
final class SecurityChecks {

    private SecurityChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(
                        CheckCatalog.DEFAULT_CLICKHOUSE_PASSWORD,
                        context -> Outcome.of(
                                passwords(context.view(), true),
                                "no ClickHouse user or component has the chart's default password")),
                Check.of(
                        CheckCatalog.CLICKHOUSE_PASSWORD_IN_CLEAR,
                        context -> Outcome.of(passwords(context.view(), false), "passwords come from Secrets")));
    }

    /** Passwords that are the chart's published default ({@code defaults}), or else the other ones in clear. */
    private static List<Finding> passwords(ClusterView view, boolean defaults) {
        List<Finding> findings = new ArrayList<>();
        for (GenericKubernetesResource installation : view.installations()) {
            Installations.users(installation).properties().forEach(setting -> {
                String value = setting.getValue().asText();
                if (setting.getKey().endsWith("/password")
                        && !value.isEmpty()
                        && Redaction.isChartDefaultPassword(value) == defaults) {
                    findings.add(Finding.of(
                            "user " + setting.getKey().split("/")[0] + " has "
                                    + (defaults
                                            ? "the SigNoz chart's published default password"
                                            : "its password in clear in " + "the installation (" + setting.getKey()
                                                    + ")"),
                            Inventory.id(installation)));
                }
            });
        }
        view.workloads().forEach(workload -> plainPasswords(workload, defaults, findings));
        return findings;
    }

    private static void plainPasswords(HasMetadata workload, boolean defaults, List<Finding> findings) {
        for (Container container : ClusterView.containers(ClusterView.spec(workload))) {
            for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                String value = variable.getValue();
                if (value == null || value.isEmpty() || value.contains("$(")) {
                    continue;
                }
                if (!defaults && Redaction.hasInlinePassword(value)) {
                    findings.add(Finding.of(
                            "container " + container.getName() + " has a password inline in the DSN of "
                                    + variable.getName() + " instead of a Secret reference",
                            Inventory.id(workload)));
                } else if (Redaction.isSecretSetting(variable.getName())
                        && Redaction.isChartDefaultPassword(value) == defaults) {
                    findings.add(Finding.of(
                            "container " + container.getName() + " gets "
                                    + (defaults ? "the SigNoz chart's published default password" : "a password")
                                    + " as the plain value of "
                                    + variable.getName() + " instead of a Secret reference",
                            Inventory.id(workload)));
                }
            }
        }
    }
}
