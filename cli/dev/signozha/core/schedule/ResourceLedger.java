package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pods bound to each node request, against its allocatable: kube-scheduler's NodeResourcesFit
 * filter and its LeastAllocated score.
 */
final class ResourceLedger {

    static final String INSUFFICIENT_CPU = "Insufficient cpu";
    static final String INSUFFICIENT_MEMORY = "Insufficient memory";
    static final String TOO_MANY_PODS = "Too many pods";

    private final List<SimNode> nodes;
    private final long[] cpu;
    private final long[] memory;
    private final int[] pods;

    ResourceLedger(List<SimNode> nodes) {
        this.nodes = nodes;
        this.cpu = new long[nodes.size()];
        this.memory = new long[nodes.size()];
        this.pods = new int[nodes.size()];
    }

    void add(SimPod pod, int node) {
        cpu[node] += pod.requests().cpuMillis();
        memory[node] += pod.requests().memoryBytes();
        pods[node]++;
    }

    /** Every resource the node is short of for the pod; a resource the pod does not request is never short. */
    List<String> shortfalls(SimPod pod, int node) {
        SimNode.Allocatable allocatable = nodes.get(node).allocatable();
        SimPod.Requests requests = pod.requests();
        boolean noPodRoom = pods[node] + 1 > allocatable.pods();
        boolean noCpu = requests.cpuMillis() > 0 && cpu[node] + requests.cpuMillis() > allocatable.cpuMillis();
        boolean noMemory =
                requests.memoryBytes() > 0 && memory[node] + requests.memoryBytes() > allocatable.memoryBytes();
        if (!noPodRoom && !noCpu && !noMemory) {
            return List.of();
        }
        List<String> shortfalls = new ArrayList<>(3);
        if (noPodRoom) {
            shortfalls.add(TOO_MANY_PODS);
        }
        if (noCpu) {
            shortfalls.add(INSUFFICIENT_CPU);
        }
        if (noMemory) {
            shortfalls.add(INSUFFICIENT_MEMORY);
        }
        return shortfalls;
    }

    /** Mean share of CPU and memory still free once the pod is on the node (higher is emptier). */
    double freeShare(SimPod pod, int node) {
        SimNode.Allocatable allocatable = nodes.get(node).allocatable();
        double freeCpu =
                share(allocatable.cpuMillis() - cpu[node] - pod.requests().cpuMillis(), allocatable.cpuMillis());
        double freeMemory = share(
                allocatable.memoryBytes() - memory[node] - pod.requests().memoryBytes(), allocatable.memoryBytes());
        return (freeCpu + freeMemory) / 2;
    }

    private static double share(long free, long total) {
        return total == 0 ? 0 : (double) free / total;
    }
}
