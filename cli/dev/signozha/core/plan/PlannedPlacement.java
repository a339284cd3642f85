package dev.signozha.core.plan;

import dev.signozha.core.plan.Workloads.Component;
import dev.signozha.core.render.ResourceNames;
import dev.signozha.core.schedule.FailureDomains.Group;
import dev.signozha.core.schedule.HaGroups;
import dev.signozha.core.schedule.Placement;
import dev.signozha.core.schedule.Scheduler;
import dev.signozha.core.schedule.SimNode;
import dev.signozha.core.schedule.SimPod;
import dev.signozha.core.topology.Topology.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every pod of an install placed on the declared capacity, and the groups the N-1 analysis judges on that placement:
 * each shard's replicas and the ZooKeeper ensemble, named as doctor names them on a running install. Pure.
 */
public record PlannedPlacement(List<SimNode> nodes, Placement placement, List<Group> groups) {

    /** The placement of {@code components} on the capacity {@code spec} declares; empty when it declares none. */
    public static Optional<PlannedPlacement> of(Spec spec, List<Component> components) {
        List<SimNode> nodes = DeclaredNodes.of(spec.capacity());
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        List<SimPod> pods = components.stream().flatMap(c -> c.pods().stream()).toList();
        return Optional.of(new PlannedPlacement(nodes, Scheduler.place(nodes, pods), groups(spec, components)));
    }

    /** The pods as placed, each bound to its node; unplaced ones are left out, as pods that never run. */
    public List<SimPod> boundPods() {
        return placement.assignments().stream()
                .map(a -> a.pod().boundTo(a.node().name()))
                .toList();
    }

    /** Shards first, then the ensemble, in the order doctor judges them. */
    private static List<Group> groups(Spec spec, List<Component> components) {
        List<Group> groups = new ArrayList<>(
                HaGroups.shards(pods(components, "clickhouse"), new ResourceNames(spec).installation()));
        List<SimPod> members = pods(components, "zookeeper");
        if (!members.isEmpty()) {
            String first = members.get(0).name();
            groups.add(Group.quorum(
                    "StatefulSet/" + spec.namespace() + "/" + first.substring(0, first.lastIndexOf('-')),
                    members.stream().map(SimPod::name).toList()));
        }
        List<SimPod> servers = pods(components, "keeper");
        if (!servers.isEmpty()) {
            groups.add(Group.quorum(
                    "ClickHouseKeeperInstallation/" + spec.namespace() + "/" + new ResourceNames(spec).keeper(),
                    servers.stream().map(SimPod::name).toList()));
        }
        return groups;
    }

    private static List<SimPod> pods(List<Component> components, String name) {
        return components.stream()
                .filter(component -> component.name().equals(name))
                .flatMap(component -> component.pods().stream())
                .toList();
    }
}
