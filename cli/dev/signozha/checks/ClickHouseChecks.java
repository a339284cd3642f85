package dev.signozha.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.inventory.Inventory;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.topology.Coordination;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The ClickHouse installations themselves: an operator to run them, exactly one of them, and ready. */
final class ClickHouseChecks {

    private ClickHouseChecks() {}

    static List<Check> all() {
        return List.of(
                Check.of(CheckCatalog.OPERATOR_MISSING, ClickHouseChecks::operator),
                Check.of(CheckCatalog.OPERATOR_TOO_OLD, ClickHouseChecks::operatorVersion),
                Check.of(CheckCatalog.DUPLICATE_CLICKHOUSE, ClickHouseChecks::duplicates),
                Check.of(CheckCatalog.CLICKHOUSE_NOT_READY, ClickHouseChecks::readiness));
    }

    private static Outcome operator(CheckContext context) {
        ClusterView view = context.view();
        List<Finding> findings = new ArrayList<>();
        boolean crd = view.inventory().customResourceDefinitions().stream()
                .anyMatch(d -> Inventory.CHI_CRD.equals(d.getMetadata().getName()));
        if (!crd) {
            findings.add(Finding.of(
                    "the ClickHouseInstallation CRD is not installed, so no ClickHouse can be "
                            + "declared or reconciled",
                    "CustomResourceDefinition/" + Inventory.CHI_CRD));
        }
        if (view.operatorsWatchingNamespace().isEmpty()) {
            findings.add(Finding.of(
                    "no clickhouse-operator watches namespace " + view.namespace()
                            + "; installations there are never reconciled",
                    "Namespace/" + view.namespace()));
        }
        return Outcome.of(
                findings,
                "CRD installed; operator "
                        + view.operatorsWatchingNamespace().stream()
                                .map(Inventory::id)
                                .collect(Collectors.joining(", ")));
    }

    /**
     * A Keeper ensemble (the topology's, or a ClickHouseKeeperInstallation in the namespace) needs an operator of
     * 0.24.0 or later: 0.23's experimental Keeper has another spec and other object names, and a direct upgrade loses
     * its data (clickhouse-operator's docs/keeper_migration_from_23_to_24.md).
     */
    private static Outcome operatorVersion(CheckContext context) {
        ClusterView view = context.view();
        boolean keeper = context.intended().map(Intended::keeper).orElse(false)
                || !view.keeperInstallations().isEmpty();
        if (!keeper) {
            return Outcome.of(List.of(), "no Keeper in the topology or in " + view.namespace() + ": none needed");
        }
        List<Finding> findings = new ArrayList<>();
        for (Deployment operator : view.operatorsWatchingNamespace()) {
            ClusterView.operatorVersion(operator)
                    .filter(version -> version.compareTo(Coordination.KEEPER_OPERATOR) < 0)
                    .ifPresent(version -> findings.add(Finding.of(
                            "clickhouse-operator " + version + " predates " + Coordination.KEEPER_OPERATOR
                                    + ", the first to run the ClickHouseKeeperInstallation layout of signoz-ha "
                                    + "(clusters, a StatefulSet per Keeper server)",
                            Inventory.id(operator))));
        }
        return Outcome.of(findings, "every operator watching " + view.namespace() + " runs Keeper");
    }

    private static Outcome duplicates(CheckContext context) {
        ClusterView view = context.view();
        List<GenericKubernetesResource> installations = view.installations();
        List<Finding> findings = new ArrayList<>();
        if (installations.size() > 1) {
            findings.add(new Finding(
                    installations.stream().map(Inventory::id).toList(),
                    installations.size()
                            + " ClickHouseInstallations in namespace " + view.namespace() + ": "
                            + installations.stream()
                                    .map(chi ->
                                            chi.getMetadata().getName() + " (service " + Installations.serviceName(chi)
                                                    + (Terminating.is(chi) ? ", terminating" : "") + ")")
                                    .collect(Collectors.joining(", "))));
            installations.stream()
                    .filter(Terminating::is)
                    .forEach(chi -> findings.add(Finding.of(
                            Terminating.describe(chi, view) + "; signoz-ha cleanup waits for it and reports the same",
                            Inventory.id(chi))));
        }
        if (!installations.isEmpty()) {
            Set<String> names = installations.stream()
                    .map(chi -> chi.getMetadata().getName())
                    .collect(Collectors.toSet());
            List<String> strays = view.clickHouseStatefulSets().stream()
                    .filter(set -> !names.contains(ClusterView.label(set, ResourceNames.INSTALLATION_LABEL)))
                    .map(Inventory::id)
                    .toList();
            if (!strays.isEmpty()) {
                findings.add(new Finding(
                        strays,
                        "ClickHouse StatefulSets that no ClickHouseInstallation here owns "
                                + "run beside the installation"));
            }
        }
        List<Deployment> operators = view.operatorsWatchingNamespace();
        if (operators.size() > 1) {
            findings.add(new Finding(
                    operators.stream().map(Inventory::id).toList(),
                    operators.size() + " clickhouse-operators watch namespace " + view.namespace()
                            + " and reconcile the same installations"));
        }
        return Outcome.of(
                findings,
                installations.isEmpty()
                        ? "no ClickHouseInstallation in " + view.namespace()
                        : "one installation: " + Inventory.id(installations.get(0)));
    }

    private static Outcome readiness(CheckContext context) {
        List<GenericKubernetesResource> installations = context.view().installations();
        if (installations.isEmpty()) {
            return Outcome.skip("no ClickHouseInstallation in " + context.namespace());
        }
        List<Finding> findings = new ArrayList<>();
        for (GenericKubernetesResource installation : installations) {
            JsonNode status = Installations.status(installation);
            String state = status.path("status").asText("no status yet");
            int hosts = status.path("hosts").asInt(0);
            int completed = status.path("hostsCompleted").asInt(0);
            if (!"Completed".equals(state) || completed < hosts) {
                String errors =
                        status.path("errors").isArray() && status.path("errors").size() > 0
                                ? "; errors: " + status.path("errors").get(0).asText()
                                : "";
                findings.add(Finding.of(
                        "status " + state + ", " + completed + " of " + hosts + " hosts completed" + errors,
                        Inventory.id(installation)));
            }
        }
        return Outcome.of(findings, installations.size() + " installation(s) Completed");
    }
}
