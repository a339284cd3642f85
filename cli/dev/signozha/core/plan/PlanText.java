package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.plan.OfflinePlan.PlacementReport;
import dev.signozha.core.plan.OfflinePlan.PlannedObject;
import dev.signozha.core.plan.OfflinePlan.ResourceRow;
import dev.signozha.core.plan.OfflinePlan.Setting;
import dev.signozha.core.text.Style;
import dev.signozha.core.text.TextTable;
import dev.signozha.core.yaml.CanonicalYaml;

/** The plan as a person reads it at a terminal. */
public final class PlanText {

    private final OfflinePlan plan;
    private final Style style;
    private final StringBuilder out = new StringBuilder();

    private PlanText(OfflinePlan plan, Style style) {
        this.plan = plan;
        this.style = style;
    }

    public static String render(OfflinePlan plan, Style style) {
        PlanText text = new PlanText(plan, style);
        text.header();
        text.topology();
        text.objects();
        text.values();
        text.resources();
        text.placement();
        text.list("Notes", plan.notes());
        text.list("Warnings", plan.warnings());
        text.summary();
        return text.out.toString();
    }

    private void header() {
        out.append(style.bold("Plan for topology " + plan.topology().name()))
                .append(" (")
                .append(plan.source())
                .append(")\n")
                .append("offline: nothing was read from a cluster; every object is shown as new\n");
    }

    private void topology() {
        section("Topology (profile " + plan.topology().profile() + "; * from the profile, ~ derived)");
        int width = plan.topology().settings().stream()
                .mapToInt(s -> s.path().length())
                .max()
                .orElse(0);
        for (Setting setting : plan.topology().settings()) {
            String mark = switch (setting.origin()) {
                case "profile" -> "* ";
                case "derived" -> "~ ";
                default -> "  ";
            };
            out.append("  ")
                    .append(String.format("%-" + width + "s", setting.path()))
                    .append("  ")
                    .append(style.dim(mark))
                    .append(scalar(setting.value()))
                    .append('\n');
        }
    }

    private void objects() {
        long creates = plan.objects().stream()
                .filter(o -> !"clickhouse-operator".equals(o.managedBy()))
                .count();
        long byOperator = plan.objects().size() - creates;
        section("Objects (" + creates + " to apply"
                + (byOperator > 0 ? "; " + byOperator + " more created by clickhouse-operator)" : ")"));
        for (PlannedObject object : plan.objects()) {
            boolean own = !"clickhouse-operator".equals(object.managedBy());
            String marker = own ? style.green("+ ") : style.dim(style.unicode() ? "· " : ". ");
            String suffix = own
                    ? ("helm".equals(object.managedBy())
                            ? "  (helm upgrade --install, chart " + plan.helm().chart() + " "
                                    + plan.helm().version() + ")"
                            : "")
                    : style.dim("  (by clickhouse-operator)");
            out.append("  ").append(marker).append(object.id()).append(suffix).append('\n');
        }
    }

    private void values() {
        section("Helm values for " + plan.helm().namespace() + "/" + plan.helm().release() + " ("
                + plan.helm().chart() + " " + plan.helm().version() + ", migration via "
                + plan.helm().migrator() + ")");
        CanonicalYaml.yaml(plan.helm().values())
                .lines()
                .forEach(line -> out.append("  ").append(line).append('\n'));
    }

    private void resources() {
        section("Resources");
        TextTable table = new TextTable("COMPONENT", "PODS", "CPU REQ", "MEM REQ", "MEM LIMIT", "STORAGE", "SIZED BY");
        for (ResourceRow row : plan.resources()) {
            table.row(
                    row.component(),
                    String.valueOf(row.pods()),
                    row.cpuRequests(),
                    row.memoryRequests(),
                    row.memoryLimits(),
                    row.storage(),
                    row.sizedBy());
        }
        out.append(table.render("  "));
    }

    private void placement() {
        PlacementReport placement = plan.placement();
        if (placement == null) {
            section("Placement");
            out.append("  not checked: declare spec.capacity.nodePools to check placement without a cluster\n");
            return;
        }
        section("Placement on declared capacity (" + placement.nodes() + " nodes)");
        TextTable table = new TextTable("POD", "COMPONENT", "NODE", "ZONE");
        placement.placed().forEach(p -> table.row(p.pod(), p.component(), p.node(), p.zone()));
        out.append(table.render("  "));
        placement
                .unplaced()
                .forEach(u -> out.append("  ")
                        .append(style.errorMark() + " " + style.red(u.pod()))
                        .append(" cannot be placed: ")
                        .append(u.reason())
                        .append('\n'));
    }

    private void list(String title, java.util.List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        section(title);
        items.forEach(item -> out.append("  - ").append(item).append('\n'));
    }

    private void summary() {
        out.append('\n');
        if (plan.placement() != null && !plan.placement().unplaced().isEmpty()) {
            out.append(style.errorMark() + " "
                            + style.red(plan.placement().unplaced().size()
                                    + " pod(s) cannot be placed on the declared capacity"))
                    .append('\n');
        } else {
            long applied = plan.objects().stream()
                    .filter(o -> !"clickhouse-operator".equals(o.managedBy()))
                    .count();
            out.append(style.passMark() + " " + style.green("plan ready: " + applied + " to apply"))
                    .append('\n');
        }
    }

    private void section(String title) {
        out.append('\n').append(style.bold(title)).append('\n');
    }

    private static String scalar(JsonNode value) {
        if (value.isArray()) {
            java.util.List<String> items = new java.util.ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return "[" + String.join(", ", items) + "]";
        }
        return value.asText();
    }
}
