package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** kube-scheduler's FitError message: how many nodes gave each reason, as "count reason" strings sorted as strings. */
final class FitError {

    private final int nodes;
    private final Map<String, Integer> counts = new HashMap<>();

    FitError(int nodes) {
        this.nodes = nodes;
    }

    void add(String reason) {
        counts.merge(reason, 1, Integer::sum);
    }

    String message() {
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, count) -> parts.add(count + " " + reason));
        parts.sort(null);
        return "0/" + nodes + " nodes are available" + (parts.isEmpty() ? "" : ": " + String.join(", ", parts)) + ".";
    }
}
