package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A node as the simulation sees it: labels, allocatable capacity, taints and whether it is cordoned. */
public record SimNode(
        String name, Map<String, String> labels, Allocatable allocatable, List<Taint> taints, boolean unschedulable) {

    public SimNode {
        labels = Map.copyOf(labels);
        taints = List.copyOf(taints);
    }

    /** An untainted, schedulable node with the given allocatable millicores, bytes and pod count. */
    public static SimNode of(String name, Map<String, String> labels, long cpuMillis, long memoryBytes, int pods) {
        return new SimNode(name, labels, new Allocatable(cpuMillis, memoryBytes, pods), List.of(), false);
    }

    /** This node with {@code more} taints after the ones it has. */
    public SimNode withTaints(Taint... more) {
        List<Taint> all = new ArrayList<>(taints);
        all.addAll(List.of(more));
        return new SimNode(name, labels, allocatable, all, unschedulable);
    }

    /** This node cordoned ({@code spec.unschedulable}). */
    public SimNode cordoned() {
        return new SimNode(name, labels, allocatable, taints, true);
    }

    /** The value of a node label, or null. */
    public String label(String key) {
        return labels.get(key);
    }

    /** What the pods on a node may request in total: millicores, bytes and a number of pods. */
    public record Allocatable(long cpuMillis, long memoryBytes, int pods) {}
}
