package dev.signozha.actions;

import dev.signozha.checks.CheckReport;
import dev.signozha.checks.CheckResult;
import dev.signozha.checks.Readiness;
import dev.signozha.cluster.kube.NamespaceWatch;
import dev.signozha.core.text.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verification as a judge: the doctor's checks, Kubernetes and ClickHouse level, run again on every change until
 * none fails. ClickHouse not answering fails verification like a failing check, unless the run was told to verify
 * without it (--no-clickhouse): then it passes on the Kubernetes checks and says so.
 */
final class VerificationJudge implements Phase.Judge {

    /** How the outcome and the state record say a verification passed without ClickHouse's checks. */
    static final String WITHOUT_CLICKHOUSE = "verified without ClickHouse";

    private final DoctorAction.Request doctor;
    private final boolean withoutClickHouse;
    private final RunReport report;
    private DoctorAction.Result last;
    private Optional<String> verifiedWithoutClickHouse = Optional.empty();

    VerificationJudge(DoctorAction.Request doctor, boolean withoutClickHouse, RunReport report) {
        this.doctor = doctor;
        this.withoutClickHouse = withoutClickHouse;
        this.report = report;
    }

    @Override
    public Readiness.Status judge(NamespaceWatch.Observed observed) {
        last = new DoctorAction().run(doctor);
        CheckReport checks = last.report();
        List<CheckResult> errors = errors();
        Optional<String> unseen = last.clickhouseUnseen();
        boolean clickhouseMissing = unseen.isPresent() && !withoutClickHouse;
        if (errors.isEmpty() && !clickhouseMissing) {
            verifiedWithoutClickHouse = unseen;
            report.verification(checks, unseen);
            return new Readiness.Status(
                    true,
                    checks.passed() + " checks passed, " + checks.warnings() + " warning(s)"
                            + unseen.map(why -> ", " + WITHOUT_CLICKHOUSE + " (" + why + ")")
                                    .orElse(""),
                    Optional.empty());
        }
        List<String> failing = new ArrayList<>(
                errors.stream().map(error -> error.spec().code()).toList());
        if (clickhouseMissing) {
            failing.add("ClickHouse did not answer");
        }
        return new Readiness.Status(
                false, failing.size() + " failing: " + String.join(", ", failing), Optional.empty());
    }

    @Override
    public Optional<PhaseFailure> timedOut(Duration timeout) {
        Optional<String> unseen = last.clickhouseUnseen();
        report.verification(last.report(), withoutClickHouse ? unseen : Optional.empty());
        List<CheckResult> errors = errors();
        return Optional.of(new PhaseFailure(
                "verification still fails after " + GoDuration.format(timeout) + ":\n  "
                        + describe(errors, withoutClickHouse ? Optional.empty() : unseen),
                errors.stream().findFirst().map(CheckResult::spec)));
    }

    /** Why verification passed without looking inside ClickHouse (--no-clickhouse); empty when it looked. */
    Optional<String> verifiedWithoutClickHouse() {
        return verifiedWithoutClickHouse;
    }

    private List<CheckResult> errors() {
        return last.report().results().stream().filter(CheckResult::isError).toList();
    }

    private static String describe(List<CheckResult> errors, Optional<String> clickhouseUnseen) {
        List<String> lines = new ArrayList<>();
        errors.forEach(result ->
                result.findings().forEach(finding -> lines.add(result.spec().code() + ": " + finding.detail())));
        clickhouseUnseen.ifPresent(why -> lines.add("ClickHouse could not be asked (" + why + "), so its checks "
                + "(hosts, replication, DDL queue, migrations, ingestion) did not run; --no-clickhouse verifies "
                + "without them"));
        return String.join("\n  ", lines);
    }
}
