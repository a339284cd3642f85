package dev.signozha.core;

/**
 * One thing wrong with an input file, located as precisely as the input allows:
 * {@code prod.yaml:14:7 spec.clickhouse.replica: unknown key, did you mean 'replicas'?}.
 * Line and column are 1-based; 0 means unknown.
 */
public record InputProblem(String source, int line, int column, String path, String message)
        implements Comparable<InputProblem> {

    public static InputProblem of(String source, String message) {
        return new InputProblem(source, 0, 0, "", message);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        text.append(path.isEmpty() ? ":" : " " + path + ":");
        return text.append(' ').append(message).toString();
    }

    @Override
    public int compareTo(InputProblem other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
