package dev.signozha.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.core.schedule.SchedulingReason.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kube-scheduler's FailedScheduling messages, as 1.18 to 1.33 word them, read into reasons. */
class SchedulingReasonTest {

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of(
                        "0/6 nodes are available: 3 node(s) didn't match Pod's node affinity/selector, 3 node(s) had "
                                + "untolerated taint {dedicated: clickhouse}. preemption: 0/6 nodes are available: 6 Preemption is "
                                + "not helpful for scheduling.",
                        List.of(Kind.NODE_SELECTOR, Kind.TAINT),
                        List.of(3, 3)),
                Arguments.of(
                        "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 "
                                + "nodes are available: 3 No preemption victims found for incoming pod.",
                        List.of(Kind.ANTI_AFFINITY),
                        List.of(3)),
                Arguments.of(
                        "0/4 nodes are available: 1 Insufficient cpu, 3 Insufficient memory. preemption: 0/4 nodes are "
                                + "available: 4 No preemption victims found for incoming pod.",
                        List.of(Kind.INSUFFICIENT, Kind.INSUFFICIENT),
                        List.of(1, 3)),
                Arguments.of("0/2 nodes are available: 2 Too many pods.", List.of(Kind.INSUFFICIENT), List.of(2)),
                Arguments.of(
                        "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/disk-pressure: }, "
                                + "2 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is "
                                + "not helpful for scheduling.",
                        List.of(Kind.TAINT, Kind.VOLUME_ZONE),
                        List.of(1, 2)),
                Arguments.of(
                        "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 "
                                + "nodes are available: 3 Preemption is not helpful for scheduling.",
                        List.of(Kind.VOLUME_BINDING),
                        List.of(3)),
                Arguments.of(
                        "0/3 nodes are available: 1 node(s) were unschedulable, 2 node(s) didn't match pod affinity "
                                + "rules.",
                        List.of(Kind.UNSCHEDULABLE, Kind.POD_AFFINITY),
                        List.of(1, 2)),
                // before 1.25 and 1.22: the taint wording holds a comma, and anti-affinity comes in two parts
                Arguments.of(
                        "0/3 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/master: }, that the pod "
                                + "didn't tolerate, 2 node(s) didn't match pod affinity/anti-affinity, 2 node(s) didn't satisfy "
                                + "existing pods anti-affinity rules.",
                        List.of(Kind.TAINT, Kind.ANTI_AFFINITY, Kind.ANTI_AFFINITY),
                        List.of(1, 2, 2)),
                Arguments.of(
                        "0/5 nodes are available: 2 node(s) didn't match node selector, 3 node(s) had no available "
                                + "volume zone.",
                        List.of(Kind.NODE_SELECTOR, Kind.VOLUME_ZONE),
                        List.of(2, 3)),
                Arguments.of(
                        "error while running \"VolumeBinding\" filter plugin for pod \"mysql-0\": pod has unbound "
                                + "immediate PersistentVolumeClaims",
                        List.of(Kind.VOLUME_BINDING),
                        List.of(0)));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void parse_realMessages_givesEachReasonWithItsNodeCount(String message, List<Kind> kinds, List<Integer> nodes) {
        List<SchedulingReason> reasons = SchedulingReason.parse(message);
        assertEquals(kinds, reasons.stream().map(SchedulingReason::kind).toList(), reasons.toString());
        assertEquals(nodes, reasons.stream().map(SchedulingReason::nodes).toList(), reasons.toString());
    }

    @Test
    void parse_taint_namesItsKeyAndValue() {
        SchedulingReason taint = SchedulingReason.parse(
                        "0/6 nodes are available: 6 node(s) had untolerated taint " + "{dedicated: clickhouse}.")
                .get(0);
        assertEquals("{dedicated: clickhouse}", taint.detail());
        assertEquals("dedicated", taint.taintKey());
        assertEquals(
                "node.kubernetes.io/disk-pressure",
                SchedulingReason.parse("0/1 nodes are available: 1 node(s) had "
                                + "untolerated taint {node.kubernetes.io/disk-pressure: }.")
                        .get(0)
                        .taintKey());
    }

    @Test
    void parse_insufficientResource_namesTheResource() {
        assertEquals(
                List.of("cpu", "memory"),
                SchedulingReason.parse("0/4 nodes are available: 1 Insufficient cpu, " + "3 Insufficient memory.")
                        .stream()
                        .map(SchedulingReason::detail)
                        .toList());
    }

    @Test
    void parse_theSimulationsOwnMessage_readsBack() {
        FitError error = new FitError(3);
        error.add(NodeFilters.UNTOLERATED_TAINT
                + new Taint("dedicated", "clickhouse", Taint.Effect.NO_SCHEDULE).describe());
        error.add(NodeFilters.NODE_AFFINITY);
        error.add(NodeFilters.UNSCHEDULABLE);
        assertEquals(
                List.of(Kind.NODE_SELECTOR, Kind.TAINT, Kind.UNSCHEDULABLE),
                SchedulingReason.parse(error.message()).stream()
                        .map(SchedulingReason::kind)
                        .toList());
    }
}
