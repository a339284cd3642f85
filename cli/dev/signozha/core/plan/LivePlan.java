package dev.signozha.core.plan;

import java.util.List;

/**
 * What applying a rendered release to a live install would do: each object's action and changes, the
 * chart values' changes, and the most disruptive of them all with its reason.
 */
public record LivePlan(List<ObjectStep> objects, ValuesStep values, Disruption disruption, String reason) {

    public LivePlan {
        objects = List.copyOf(objects);
    }

    /** What happens to one object (for {@link ValuesStep}, CREATE is a first install). */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED,
        DELETE
    }

    /**
     * One object, named {@code Kind/namespace/name}; its disruption is that of its most disruptive
     * change, or of its creation or deletion.
     */
    public record ObjectStep(
            Action action, String id, List<ClassifiedChange> changes, Disruption disruption, String reason) {
        public ObjectStep {
            changes = List.copyOf(changes);
        }
    }

    /** The SigNoz chart release's values. */
    public record ValuesStep(Action action, List<ClassifiedChange> changes, Disruption disruption, String reason) {
        public ValuesStep {
            changes = List.copyOf(changes);
        }
    }

    /** How many objects get {@code action}. */
    public long count(Action action) {
        return objects.stream().filter(step -> step.action() == action).count();
    }

    /** Whether anything would change at all. */
    public boolean hasChanges() {
        return values.action() != Action.UNCHANGED
                || objects.stream().anyMatch(step -> step.action() != Action.UNCHANGED);
    }
}
