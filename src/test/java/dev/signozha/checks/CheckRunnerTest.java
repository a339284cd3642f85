package dev.signozha.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.inventory.InventoryBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckRunnerTest {

    private static final CheckContext EMPTY =
            new CheckContext(new ClusterView(new InventoryBuilder("test").build(), "platform"), Optional.empty());

    @Test
    void run_aCheckThrows_becomesAFailureAndTheOthersStillRun() {
        CheckReport report = CheckRunner.run(
                List.of(
                        Check.of(CheckCatalog.OPERATOR_MISSING, c -> {
                            throw new IllegalStateException("boom");
                        }),
                        Check.of(CheckCatalog.CONFIG_DRIFT, c -> Outcome.pass("fine"))),
                EMPTY);
        assertEquals(CheckResult.Status.FAIL, report.results().get(0).status());
        assertTrue(report.results().get(0).findings().get(0).detail().contains("the check could not run: boom"));
        assertEquals(CheckResult.Status.PASS, report.results().get(1).status());
        assertEquals(1, report.errors());
        assertEquals(1, report.passed());
    }

    @Test
    void failed_warningsOnly_failOnlyWhenStrict() {
        CheckReport report = CheckRunner.run(
                List.of(Check.of(
                        CheckCatalog.LAST_RUN_FAILED,
                        c -> Outcome.of(List.of(Finding.of("x", "Pod/platform/p")), "ok"))),
                EMPTY);
        assertEquals(1, report.warnings());
        assertEquals(false, report.failed(false));
        assertEquals(true, report.failed(true));
    }

    @Test
    void failed_aWarningFindingOfAnErrorCheck_isAWarning_andOneErrorFindingMakesItAnError() {
        Finding warning = Finding.of("losing zone a leaves zookeeper: 1 of 2 left", "Zone/a")
                .withSeverity(Severity.WARNING);
        CheckReport warned = CheckRunner.run(
                List.of(Check.of(CheckCatalog.SINGLE_POINT_OF_FAILURE, c -> Outcome.of(List.of(warning), "ok"))),
                EMPTY);
        assertEquals(List.of(1L, 0L), List.of(warned.warnings(), warned.errors()));
        CheckReport failed = CheckRunner.run(
                List.of(Check.of(
                        CheckCatalog.SINGLE_POINT_OF_FAILURE,
                        c -> Outcome.of(
                                List.of(warning, Finding.of("losing node a leaves shard 0: 0 of 2", "Node/a")), "ok"))),
                EMPTY);
        assertEquals(1, failed.errors());
        assertEquals(true, failed.failed(false));
    }

    @Test
    void catalog_codesAreUniqueAndUpperSnakeCase() {
        List<String> codes = CheckCatalog.all().stream().map(CheckSpec::code).toList();
        assertEquals(codes.size(), codes.stream().distinct().count());
        codes.forEach(code -> assertTrue(code.matches("[A-Z]+(_[A-Z]+)*"), code));
    }

    @Test
    void doctorChecks_runTheWholeCatalogInOrder() {
        assertEquals(
                CheckCatalog.all().stream().map(CheckSpec::code).toList(),
                DoctorChecks.all().stream().map(check -> check.spec().code()).toList());
    }

    @Test
    void doctorChecks_coverTheWholeCatalogInOrder() {
        assertEquals(
                CheckCatalog.kubernetes().stream().map(CheckSpec::code).toList(),
                DoctorChecks.kubernetes().stream()
                        .map(check -> check.spec().code())
                        .toList());
    }
}
