package dev.signozha.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.signozha.core.plan.LivePlan.Action;
import dev.signozha.core.plan.LivePlan.ObjectStep;
import dev.signozha.core.plan.LivePlan.ValuesStep;
import dev.signozha.core.text.Style;
import java.util.List;

/**
 * A live plan as a person reads it, in the manner of kapp and terraform: {@code +} create, {@code ~}
 * update with one {@code path: before → after} line per change and its disruption, {@code -} delete,
 * {@code =} unchanged (counted); a release whose chart and values stay is one line, {@value #HELM_UNCHANGED}. Hidden values print as {@code (changed)}. Deterministic.
 */
public final class LivePlanText {

    private static final String ABSENT = "(absent)";
    /** What the plan says when the release is left as it is: no helm run, no hooks. */
    public static final String HELM_UNCHANGED = "Helm release: unchanged";

    private final Style style;
    private final StringBuilder out = new StringBuilder();

    private LivePlanText(Style style) {
        this.style = style;
    }

    /** The whole plan, ending in a newline. */
    public static String render(LivePlan plan, Style style) {
        LivePlanText text = new LivePlanText(style);
        text.header(plan);
        text.objects(plan);
        text.values(plan.values());
        text.footer(plan);
        return text.out.toString();
    }

    private void header(LivePlan plan) {
        out.append(style.bold("Plan against the live install"))
                .append(": ")
                .append(plan.count(Action.CREATE))
                .append(" to create, ")
                .append(plan.count(Action.UPDATE))
                .append(" to update, ")
                .append(plan.count(Action.DELETE))
                .append(" to delete, ")
                .append(plan.count(Action.UNCHANGED))
                .append(" unchanged\n");
    }

    private void objects(LivePlan plan) {
        section("Objects");
        for (ObjectStep step : plan.objects()) {
            switch (step.action()) {
                case CREATE -> line(style.green("+ " + step.id()));
                case DELETE -> {
                    line(style.red("- " + step.id()) + "  [" + step.disruption().cliName() + "]");
                    out.append("      ")
                            .append(style.dim(verdict(step.disruption(), step.reason())))
                            .append('\n');
                }
                case UPDATE -> {
                    line("~ " + step.id() + "  [" + step.disruption().cliName() + "]");
                    changes(step.changes());
                }
                case UNCHANGED -> {}
            }
        }
        long unchanged = plan.count(Action.UNCHANGED);
        if (unchanged > 0) {
            line(style.dim("= " + unchanged + " unchanged"));
        }
    }

    private void values(ValuesStep values) {
        if (values.action() == Action.UNCHANGED) {
            out.append('\n')
                    .append(style.bold(HELM_UNCHANGED))
                    .append(' ')
                    .append(style.dim("(chart and values as last deployed; helm upgrade does not run)"))
                    .append('\n');
            return;
        }
        section("Helm values");
        switch (values.action()) {
            case CREATE -> line(style.green("+ " + values.reason()));
            default -> {
                line("~ " + values.changes().size() + " change(s)  ["
                        + values.disruption().cliName() + "]");
                changes(values.changes());
            }
        }
    }

    private void changes(List<ClassifiedChange> changes) {
        for (ClassifiedChange classified : changes) {
            Change change = classified.change();
            String shown = change.hidden()
                    ? Change.HIDDEN_TEXT
                    : value(change.before()) + " " + style.arrow() + " " + value(change.after());
            out.append("      ")
                    .append(change.path())
                    .append(": ")
                    .append(shown)
                    .append('\n');
            out.append("        ")
                    .append(style.dim(verdict(classified.disruption(), classified.reason())))
                    .append('\n');
        }
    }

    private void footer(LivePlan plan) {
        out.append('\n')
                .append(style.bold("Disruption: " + plan.disruption().cliName()))
                .append(" (")
                .append(plan.reason())
                .append(")\n");
    }

    private void section(String title) {
        out.append('\n').append(style.bold(title)).append('\n');
    }

    private void line(String text) {
        out.append("  ").append(text).append('\n');
    }

    private static String verdict(Disruption disruption, String reason) {
        return disruption.cliName() + ": " + reason;
    }

    /** JSON form, so strings are quoted and "2" is told from 2. */
    private static String value(JsonNode node) {
        return node == null ? ABSENT : node.toString();
    }
}
