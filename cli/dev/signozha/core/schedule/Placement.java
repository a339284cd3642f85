package dev.signozha.core.schedule;

import java.util.List;

/** The outcome of a simulation: where each pod went, and each pod that could not go anywhere and why. */
public record Placement(List<Assignment> assignments, List<Unplaced> unplaced) {

    /** A pod bound to a node. */
    public record Assignment(SimPod pod, SimNode node) {}

    /** A pod no node would take, with the scheduler-style reason. */
    public record Unplaced(SimPod pod, String reason) {}

    public boolean complete() {
        return unplaced.isEmpty();
    }
}
