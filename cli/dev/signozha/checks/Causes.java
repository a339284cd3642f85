package dev.signozha.checks;

import dev.signozha.checks.Finding.Cause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links findings across checks: a finding that suspects another check's finding about an object (the duplicate
 * installation whose pods hold its nodes, the node under disk pressure) is likely caused by it when that check found it. Root causes are the findings
 * named as a cause that have no cause of their own.
 */
final class Causes {

    private Causes() {}

    /** The results with every finding's causes filled in. */
    static List<CheckResult> link(List<CheckResult> results) {
        Map<String, Set<String>> codesByObject = new LinkedHashMap<>();
        for (CheckResult result : results) {
            for (Finding finding : result.findings()) {
                finding.objects()
                        .forEach(object -> codesByObject
                                .computeIfAbsent(object, o -> new LinkedHashSet<>())
                                .add(result.spec().code()));
            }
        }
        List<CheckResult> linked = new ArrayList<>();
        for (CheckResult result : results) {
            List<Finding> findings = result.findings().stream()
                    .map(finding -> finding.withCauses(causes(finding, codesByObject)))
                    .toList();
            linked.add(new CheckResult(result.spec(), result.status(), findings, result.note(), result.severity()));
        }
        return linked;
    }

    private static List<Cause> causes(Finding finding, Map<String, Set<String>> codesByObject) {
        return finding.suspects().stream()
                .distinct()
                .filter(suspect ->
                        codesByObject.getOrDefault(suspect.object(), Set.of()).contains(suspect.code()))
                .toList();
    }

    /** Each root cause, with the findings (code and first object) it explains, in report order. */
    static Map<Cause, List<Cause>> roots(List<CheckResult> results) {
        Map<Cause, List<Cause>> roots = new LinkedHashMap<>();
        for (CheckResult result : results) {
            for (Finding finding : result.findings()) {
                for (Cause cause : finding.causes()) {
                    if (!hasCause(results, cause)) {
                        roots.computeIfAbsent(cause, c -> new ArrayList<>())
                                .add(new Cause(
                                        result.spec().code(),
                                        finding.objects().isEmpty()
                                                ? ""
                                                : finding.objects().get(0)));
                    }
                }
            }
        }
        return roots;
    }

    private static boolean hasCause(List<CheckResult> results, Cause cause) {
        return results.stream()
                .filter(r -> r.spec().code().equals(cause.code()))
                .flatMap(r -> r.findings().stream())
                .anyMatch(
                        f -> f.objects().contains(cause.object()) && !f.causes().isEmpty());
    }
}
