package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reason in a kube-scheduler FailedScheduling message ("0/6 nodes are available: 3 node(s) had untolerated
 * taint {dedicated: clickhouse}, 3 Insufficient memory. preemption: ..."): its kind, how many nodes gave it
 * (all of them for a reason about the pod itself, such as an unbound claim) and its {@code detail} (the taint,
 * the resource). Reads the wordings of kube-scheduler 1.18 to 1.33, the ones this simulation writes too.
 */
public record SchedulingReason(Kind kind, int nodes, String text, String detail) {

    /** What kept the nodes from taking the pod. */
    public enum Kind {
        ANTI_AFFINITY,
        POD_AFFINITY,
        INSUFFICIENT,
        TAINT,
        NODE_SELECTOR,
        VOLUME_ZONE,
        VOLUME_BINDING,
        UNSCHEDULABLE,
        OTHER
    }

    private static final Pattern HEAD = Pattern.compile("^\\s*0/(\\d+) nodes are available:?\\s*");
    /** Parts are joined by ", " before a count; the old taint wording holds ", that the pod didn't tolerate". */
    private static final Pattern SEPARATOR = Pattern.compile(",\\s+(?=\\d+ )");

    private static final Pattern COUNTED = Pattern.compile("^(\\d+) (.+)$");
    private static final Pattern TAINT = Pattern.compile("\\{[^}]*}");

    /** The reasons of a message; empty when it is not a scheduler fit error. */
    public static List<SchedulingReason> parse(String message) {
        if (message == null) {
            return List.of();
        }
        String body = message.split("\\.?\\s*preemption:", 2)[0].trim();
        Matcher head = HEAD.matcher(body);
        int total = 0;
        if (head.find()) {
            total = Integer.parseInt(head.group(1));
            body = body.substring(head.end());
        } else {
            // 1.18's wording: error while running "VolumeBinding" filter plugin for pod "x": pod has unbound ...
            body = body.replaceFirst("^.*?: (?=pod has)", "");
        }
        List<SchedulingReason> reasons = new ArrayList<>();
        for (String part : SEPARATOR.split(body.replaceFirst("\\.$", ""))) {
            if (!part.isBlank()) {
                reasons.add(reason(part.trim(), total));
            }
        }
        return List.copyOf(reasons);
    }

    private static SchedulingReason reason(String part, int total) {
        Matcher counted = COUNTED.matcher(part);
        int nodes = counted.matches() ? Integer.parseInt(counted.group(1)) : total;
        String text = counted.matches() ? counted.group(2) : part;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("anti-affinity")) {
            return new SchedulingReason(Kind.ANTI_AFFINITY, nodes, text, "");
        }
        if (lower.contains("pod affinity")) {
            return new SchedulingReason(Kind.POD_AFFINITY, nodes, text, "");
        }
        if (lower.startsWith("insufficient ")) {
            return new SchedulingReason(Kind.INSUFFICIENT, nodes, text, text.substring("insufficient ".length()));
        }
        if (lower.startsWith("too many pods")) {
            return new SchedulingReason(Kind.INSUFFICIENT, nodes, text, "pods");
        }
        if (lower.contains("taint")) {
            Matcher taint = TAINT.matcher(text);
            return new SchedulingReason(Kind.TAINT, nodes, text, taint.find() ? taint.group() : "");
        }
        if (lower.contains("node affinity/selector") || lower.contains("match node selector")) {
            return new SchedulingReason(Kind.NODE_SELECTOR, nodes, text, "");
        }
        if (lower.contains("volume node affinity conflict") || lower.contains("no available volume zone")) {
            return new SchedulingReason(Kind.VOLUME_ZONE, nodes, text, "");
        }
        if (lower.contains("unbound immediate persistentvolumeclaims")
                || lower.contains("persistent volumes to bind")) {
            return new SchedulingReason(Kind.VOLUME_BINDING, nodes, text, "");
        }
        if (lower.contains("were unschedulable")) {
            return new SchedulingReason(Kind.UNSCHEDULABLE, nodes, text, "");
        }
        return new SchedulingReason(Kind.OTHER, nodes, text, "");
    }

    /** The taint's key, for a TAINT reason that names one ("" otherwise). */
    public String taintKey() {
        return detail.isEmpty()
                ? ""
                : detail.substring(1, detail.length() - 1).split(":", 2)[0].trim();
    }
}
