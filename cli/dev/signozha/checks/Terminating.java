package dev.signozha.checks;

import dev.signozha.core.inventory.Inventory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An object being deleted that finalizers still hold, said the same way by doctor and cleanup: since when,
 * which finalizers, and the likely cause (for an installation: no clickhouse-operator watching the namespace,
 * or one that is not ready, since the operator removes its finalizer only after deleting the installation's
 * objects). Pure.
 */
public final class Terminating {

    static final String OPERATOR_FINALIZER = "finalizer.clickhouseinstallation.altinity.com";

    private Terminating() {}

    public static boolean is(HasMetadata object) {
        return object.getMetadata().getDeletionTimestamp() != null;
    }

    /** One line for a terminating object, or for one not (yet) marked deleted, what holds it. */
    public static String describe(HasMetadata object, ClusterView view) {
        List<String> finalizers =
                Optional.ofNullable(object.getMetadata().getFinalizers()).orElse(List.of());
        String since = Optional.ofNullable(object.getMetadata().getDeletionTimestamp())
                .map(t -> " since " + t)
                .orElse("");
        if (finalizers.isEmpty()) {
            return Inventory.id(object) + " is terminating" + since + " and no finalizer holds it; it goes once its "
                    + "dependents are gone";
        }
        return Inventory.id(object) + " is terminating" + since + ", held by finalizer(s) "
                + String.join(", ", finalizers) + ": "
                + finalizers.stream().map(f -> cause(f, view)).distinct().collect(Collectors.joining("; "));
    }

    private static String cause(String finalizer, ClusterView view) {
        if (finalizer.equals(OPERATOR_FINALIZER)) {
            List<Deployment> operators = view.operatorsWatchingNamespace();
            if (operators.isEmpty()) {
                return "no clickhouse-operator watches namespace " + view.namespace() + ", and only it removes that "
                        + "finalizer (after deleting the installation's StatefulSets and Services)";
            }
            return operators.stream()
                    .filter(operator -> !ready(operator))
                    .findFirst()
                    .map(operator ->
                            "clickhouse-operator " + Inventory.id(operator) + " is not running (" + readyOf(operator)
                                    + " replicas ready), and only it removes that finalizer; start it again")
                    .orElse("clickhouse-operator "
                            + operators.stream().map(Inventory::id).collect(Collectors.joining(", "))
                            + " is ready but has not removed it; its log says why");
        }
        if (finalizer.equals("kubernetes.io/pvc-protection")) {
            return "a pod still mounts the claim";
        }
        return "the controller that added " + finalizer + " has not removed it";
    }

    private static boolean ready(Deployment operator) {
        int wanted = Optional.ofNullable(operator.getSpec().getReplicas()).orElse(1);
        return wanted > 0 && readyReplicas(operator) >= wanted;
    }

    private static int readyReplicas(Deployment operator) {
        return operator.getStatus() == null
                ? 0
                : Optional.ofNullable(operator.getStatus().getReadyReplicas()).orElse(0);
    }

    private static String readyOf(Deployment operator) {
        return readyReplicas(operator) + " of "
                + Optional.ofNullable(operator.getSpec().getReplicas()).orElse(1);
    }
}
