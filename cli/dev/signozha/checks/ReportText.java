package dev.signozha.checks;

import dev.signozha.core.text.Style;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as {@code linkerd check} lays it out: categories, a mark per check, details under failures. */
public final class ReportText {

    private ReportText() {}

    public static String render(CheckReport report, String header, Style style) {
        return render(report, header, style, RunbookLinks.CODE_ONLY);
    }

    /** The report, each failed check pointing at its runbook with {@code links}. */
    public static String render(CheckReport report, String header, Style style, RunbookLinks links) {
        StringBuilder out = new StringBuilder(header);
        Map<String, List<CheckResult>> byCategory = new LinkedHashMap<>();
        report.results()
                .forEach(r -> byCategory
                        .computeIfAbsent(r.spec().category(), c -> new java.util.ArrayList<>())
                        .add(r));
        Map<String, Long> sharedSkips = sharedSkipNotes(report);
        byCategory.forEach((category, results) -> {
            out.append('\n')
                    .append(style.bold(category))
                    .append('\n')
                    .append("-".repeat(category.length()))
                    .append('\n');
            results.forEach(result -> line(out, result, style, sharedSkips, links));
        });
        if (!sharedSkips.isEmpty()) {
            out.append('\n');
            sharedSkips.forEach((note, count) -> out.append(style.skipMark())
                    .append(" skipped (")
                    .append(count)
                    .append(" checks): ")
                    .append(note)
                    .append('\n'));
        }
        out.append('\n');
        rootCauses(out, report, style);
        out.append(summary(report, style)).append('\n');
        return out.toString();
    }

    /** Reasons several checks were skipped for, each said once below the checks instead of under every one. */
    private static Map<String, Long> sharedSkipNotes(CheckReport report) {
        Map<String, Long> counts = report.results().stream()
                .filter(result -> result.status() == CheckResult.Status.SKIP)
                .collect(Collectors.groupingBy(CheckResult::note, LinkedHashMap::new, Collectors.counting()));
        counts.values().removeIf(count -> count < 2);
        return counts;
    }

    private static void line(
            StringBuilder out, CheckResult result, Style style, Map<String, Long> sharedSkips, RunbookLinks links) {
        CheckSpec spec = result.spec();
        String code = style.dim("[" + spec.code() + "]");
        switch (result.status()) {
            case PASS ->
                out.append(style.passMark())
                        .append(' ')
                        .append(spec.title())
                        .append(' ')
                        .append(code)
                        .append('\n');
            case SKIP -> {
                out.append(style.skipMark())
                        .append(' ')
                        .append(spec.title())
                        .append(' ')
                        .append(code)
                        .append('\n');
                if (!sharedSkips.containsKey(result.note())) {
                    out.append("    skipped: ").append(result.note()).append('\n');
                }
            }
            case FAIL -> failure(out, result, style, code, links);
        }
    }

    private static void failure(StringBuilder out, CheckResult result, Style style, String code, RunbookLinks links) {
        CheckSpec spec = result.spec();
        String mark = result.isError() ? style.errorMark() : style.warnMark();
        out.append(mark)
                .append(' ')
                .append(spec.title())
                .append(' ')
                .append(code)
                .append('\n');
        for (Finding finding : result.findings()) {
            out.append("    ").append(style.text(finding.detail())).append('\n');
            finding.objects()
                    .forEach(object ->
                            out.append("      ").append(style.text(object)).append('\n'));
            finding.causes()
                    .forEach(cause -> out.append("      likely caused by ")
                            .append(style.text(cause.toString()))
                            .append('\n'));
            if (!finding.hint().isEmpty()) {
                out.append("      hint: ").append(style.text(finding.hint())).append('\n');
            }
        }
        if (result.findings().stream().anyMatch(finding -> finding.hint().isEmpty())) {
            out.append("    hint: ").append(style.text(spec.hint())).append('\n');
        }
        out.append("    see: ").append(style.text(links.command(result))).append('\n');
    }

    /** What to fix first: each finding other findings are likely caused by, and those findings under it. */
    private static void rootCauses(StringBuilder out, CheckReport report, Style style) {
        if (report.rootCauses().isEmpty()) {
            return;
        }
        out.append(style.bold("root causes first:")).append('\n');
        report.rootCauses().forEach((root, explained) -> {
            out.append("  ").append(root).append('\n');
            explained.forEach(
                    effect -> out.append("    explains ").append(effect).append('\n'));
        });
    }

    private static String summary(CheckReport report, Style style) {
        String counts = report.errors() + " error(s), " + report.warnings() + " warning(s), " + report.passed()
                + " passed, " + report.skipped() + " skipped";
        if (report.errors() > 0) {
            return style.errorMark() + " " + style.red(counts);
        }
        return report.warnings() > 0
                ? style.warnMark() + " " + style.bold(counts)
                : style.passMark() + " " + style.green(counts);
    }
}
