package dev.signozha.checks;

import dev.signozha.core.text.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as {@code linkerd check} lays it out: categories, a mark per check, details under failures. */
public final class ReportText {

    private ReportText() {
    }

    public static String render(CheckReport report, String header, Style style) {
        StringBuilder out = new StringBuilder(header);
        Map<String, List<CheckResult>> byCategory = new LinkedHashMap<>();
        report.results().forEach(r -> byCategory.computeIfAbsent(r.spec().category(), c -> new java.util.ArrayList<>()).add(r));
        Map<String, Long> sharedSkips = sharedSkipNotes(report);
        byCategory.forEach((category, results) -> {
            out.append('\n').append(style.bold(category)).append('\n').append("-".repeat(category.length())).append('\n');
            results.forEach(result -> line(out, result, style, sharedSkips));
        });
        if (!sharedSkips.isEmpty()) {
            out.append('\n');
            sharedSkips.forEach((note, count) -> out.append(style.dim("-")).append(" skipped (").append(count)
                    .append(" checks): ").append(note).append('\n'));
        }
        out.append('\n').append(summary(report, style)).append('\n');
        return out.toString();
    }

    /** Reasons several checks were skipped for, each said once below the checks instead of under every one. */
    private static Map<String, Long> sharedSkipNotes(CheckReport report) {
        Map<String, Long> counts = report.results().stream().filter(result -> result.status() == CheckResult.Status.SKIP)
                .collect(Collectors.groupingBy(CheckResult::note, LinkedHashMap::new, Collectors.counting()));
        counts.values().removeIf(count -> count < 2);
        return counts;
    }

    private static void line(StringBuilder out, CheckResult result, Style style, Map<String, Long> sharedSkips) {
        CheckSpec spec = result.spec();
        String code = style.dim("[" + spec.code() + "]");
        switch (result.status()) {
            case PASS -> out.append(style.green("✔")).append(' ').append(spec.title()).append(' ').append(code).append('\n');
            case SKIP -> {
                out.append(style.dim("-")).append(' ').append(spec.title()).append(' ').append(code).append('\n');
                if (!sharedSkips.containsKey(result.note())) {
                    out.append("    skipped: ").append(result.note()).append('\n');
                }
            }
            case FAIL -> failure(out, result, style, code);
        }
    }

    private static void failure(StringBuilder out, CheckResult result, Style style, String code) {
        CheckSpec spec = result.spec();
        String mark = result.severity() == Severity.ERROR ? style.red("×") : style.bold("‼");
        out.append(mark).append(' ').append(spec.title()).append(' ').append(code).append('\n');
        for (Finding finding : result.findings()) {
            out.append("    ").append(finding.detail()).append('\n');
            finding.objects().forEach(object -> out.append("      ").append(object).append('\n'));
        }
        out.append("    hint: ").append(spec.hint()).append('\n');
        out.append("    see: signoz-ha runbook ").append(spec.code()).append('\n');
    }

    private static String summary(CheckReport report, Style style) {
        String counts = report.errors() + " error(s), " + report.warnings() + " warning(s), " + report.passed()
                + " passed, " + report.skipped() + " skipped";
        if (report.errors() > 0) {
            return style.red("× " + counts);
        }
        return report.warnings() > 0 ? style.bold("‼ " + counts) : style.green("✔ " + counts);
    }
}
