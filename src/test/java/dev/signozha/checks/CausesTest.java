package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.signozha.checks.Finding.Cause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A finding is likely caused by a suspect only when the suspect's check found it about that very object; the report
 * lists as root causes the causes that have no cause of their own, each with what it explains.
 */
class CausesTest {

    private static final String NODE = "Node/worker-2";
    private static final String PENDING = "Pod/signoz/chi-signoz-clickhouse-cluster-0-1-0";
    private static final String EVICTED = "Pod/signoz/signoz-zookeeper-1";
    private static final String OTHER_CHI = "ClickHouseInstallation/signoz/clickhouse-signoz-new";
    private static final Cause PRESSURE = new Cause(CheckCatalog.NODE_PRESSURE.code(), NODE);

    private static CheckResult failed(CheckSpec spec, Finding... findings) {
        return new CheckResult(spec, CheckResult.Status.FAIL, List.of(findings), "", spec.severity());
    }

    private static CheckResult passed(CheckSpec spec) {
        return new CheckResult(spec, CheckResult.Status.PASS, List.of(), "all good", spec.severity());
    }

    private static Finding pending(Cause... suspects) {
        return Finding.of("0/3 nodes are available", PENDING).suspecting(List.of(suspects));
    }

    private static List<Cause> causesOf(List<CheckResult> linked, CheckSpec spec) {
        return linked.stream()
                .filter(result -> result.spec() == spec)
                .flatMap(result -> result.findings().stream())
                .flatMap(finding -> finding.causes().stream())
                .toList();
    }

    @Test
    void link_aSuspectItsCheckFoundAboutThatObject_isTheCause() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.POD_UNSCHEDULABLE, pending(PRESSURE)),
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("DiskPressure is True", NODE))));

        assertEquals(List.of(PRESSURE), causesOf(linked, CheckCatalog.POD_UNSCHEDULABLE));
    }

    @Test
    void link_aSuspectWhoseCheckPassed_isNoCause() {
        List<CheckResult> linked = Causes.link(
                List.of(failed(CheckCatalog.POD_UNSCHEDULABLE, pending(PRESSURE)), passed(CheckCatalog.NODE_PRESSURE)));

        assertEquals(List.of(), causesOf(linked, CheckCatalog.POD_UNSCHEDULABLE));
    }

    @Test
    void link_theSuspectedCheckFoundAnotherObject_mustNotLink() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.POD_UNSCHEDULABLE, pending(PRESSURE)),
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("MemoryPressure is True", "Node/worker-3"))));

        assertEquals(List.of(), causesOf(linked, CheckCatalog.POD_UNSCHEDULABLE));
    }

    @Test
    void link_anotherCheckFoundTheSuspectedObject_mustNotLink() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.POD_UNSCHEDULABLE, pending(PRESSURE)),
                failed(CheckCatalog.POD_EVICTIONS, Finding.of("evicted from node worker-2", EVICTED, NODE))));

        assertEquals(List.of(), causesOf(linked, CheckCatalog.POD_UNSCHEDULABLE));
    }

    @Test
    void link_aSuspectNamedTwice_isOneCause_andTheFindingKeepsItsOtherParts() {
        Finding finding = pending(PRESSURE, PRESSURE).withHint("untaint worker-2 once its disk is freed");
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.POD_UNSCHEDULABLE, finding),
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("DiskPressure is True", NODE))));

        Finding result = linked.get(0).findings().get(0);
        assertEquals(List.of(PRESSURE), result.causes());
        assertEquals(finding.detail(), result.detail());
        assertEquals(finding.hint(), result.hint());
        assertEquals(finding.objects(), result.objects());
    }

    @Test
    void link_aFindingCanBeCausedByAFindingOfTheSameCheck() {
        Cause sibling = new Cause(CheckCatalog.POD_EVICTIONS.code(), EVICTED);
        List<CheckResult> linked = Causes.link(List.of(failed(
                CheckCatalog.POD_EVICTIONS,
                Finding.of("evicted from node worker-2", EVICTED),
                Finding.of("replaced pod not ready", "Pod/signoz/signoz-zookeeper-2")
                        .suspecting(List.of(sibling)))));

        assertEquals(List.of(sibling), causesOf(linked, CheckCatalog.POD_EVICTIONS));
    }

    @Test
    void roots_aCauseWithoutACauseOfItsOwn_explainsEachFindingItCauses() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.POD_UNSCHEDULABLE, pending(PRESSURE)),
                failed(
                        CheckCatalog.POD_EVICTIONS,
                        Finding.of("evicted from node worker-2", EVICTED, NODE).suspecting(List.of(PRESSURE))),
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("DiskPressure is True", NODE))));

        assertEquals(
                Map.of(
                        PRESSURE,
                        List.of(
                                new Cause(CheckCatalog.POD_UNSCHEDULABLE.code(), PENDING),
                                new Cause(CheckCatalog.POD_EVICTIONS.code(), EVICTED))),
                Causes.roots(linked));
    }

    @Test
    void roots_aCauseThatHasItsOwnCause_isNoRoot_onlyTheFirstInTheChainIs() {
        Cause duplicate = new Cause(CheckCatalog.DUPLICATE_CLICKHOUSE.code(), OTHER_CHI);
        Cause blocked = new Cause(CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE.code(), PENDING);
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.DUPLICATE_CLICKHOUSE, Finding.of("a second installation", OTHER_CHI)),
                failed(CheckCatalog.ANTI_AFFINITY_UNSCHEDULABLE, pending(duplicate)),
                failed(
                        CheckCatalog.CLICKHOUSE_NOT_READY,
                        Finding.of("1 of 4 hosts not ready", "ClickHouseInstallation/signoz/signoz-clickhouse")
                                .suspecting(List.of(blocked)))));

        assertEquals(Map.of(duplicate, List.of(blocked)), Causes.roots(linked));
    }

    @Test
    void roots_aFindingWithoutObjects_isExplainedWithAnEmptyObject() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(
                        CheckCatalog.INGESTION_STALLED,
                        Finding.of("no rows for 10m").suspecting(List.of(PRESSURE))),
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("DiskPressure is True", NODE))));

        assertEquals(
                Map.of(PRESSURE, List.of(new Cause(CheckCatalog.INGESTION_STALLED.code(), ""))), Causes.roots(linked));
    }

    @Test
    void roots_noFindingNamesACause_noRoots() {
        List<CheckResult> linked = Causes.link(List.of(
                failed(CheckCatalog.NODE_PRESSURE, Finding.of("DiskPressure is True", NODE)),
                passed(CheckCatalog.POD_UNSCHEDULABLE)));

        assertEquals(Map.of(), Causes.roots(linked));
    }
}
