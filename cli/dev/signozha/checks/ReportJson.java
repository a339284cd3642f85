package dev.signozha.checks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The report as versioned JSON (schemaVersion 1): summary, findings with their objects, and every check's status. */
public final class ReportJson {

    public static final int SCHEMA_VERSION = 1;

    private ReportJson() {}

    public static ObjectNode render(CheckReport report, String namespace, String topology) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("source", report.source());
        root.put("namespace", namespace);
        root.put("topology", topology);
        root.putObject("summary")
                .put("errors", report.errors())
                .put("warnings", report.warnings())
                .put("passed", report.passed())
                .put("skipped", report.skipped());
        ArrayNode roots = ((ObjectNode) root.path("summary")).putArray("rootCauses");
        report.rootCauses().forEach((cause, explained) -> {
            ObjectNode item = roots.addObject().put("code", cause.code()).put("object", cause.object());
            ArrayNode explains = item.putArray("explains");
            explained.forEach(
                    effect -> explains.addObject().put("code", effect.code()).put("object", effect.object()));
        });
        ArrayNode findings = root.putArray("findings");
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : report.results()) {
            CheckSpec spec = result.spec();
            ObjectNode check = checks.addObject()
                    .put("code", spec.code())
                    .put("status", result.status().name().toLowerCase(Locale.ROOT));
            if (!result.note().isEmpty()) {
                check.put(result.status() == CheckResult.Status.SKIP ? "reason" : "detail", result.note());
            }
            for (Finding finding : result.findings()) {
                ObjectNode item = findings.addObject()
                        .put("code", spec.code())
                        .put("severity", result.severityOf(finding).id())
                        .put("title", spec.title());
                finding.objects().forEach(item.putArray("objects")::add);
                item.put("detail", finding.detail())
                        .put("hint", finding.hint(spec))
                        .put("runbook", spec.code());
                if (!finding.causes().isEmpty()) {
                    ArrayNode causes = item.putArray("causes");
                    finding.causes()
                            .forEach(cause ->
                                    causes.addObject().put("code", cause.code()).put("object", cause.object()));
                }
            }
        }
        return root;
    }
}
