package dev.signozha.checks;

/**
 * A name a runbook's commands take from the cluster: its placeholder in the runbook ({@code <chi>}) and the option
 * of {@code signoz-ha runbook} that fills it in.
 */
public enum RunbookName {
    NAMESPACE("namespace", "-n"),
    RELEASE("release", "--release"),
    INSTALLATION("chi", "--installation"),
    CLUSTER("cluster", "--cluster"),
    ZOOKEEPER("zk", "--zookeeper"),
    POD("pod", "--pod"),
    NODE("node", "--node");

    private final String key;
    private final String option;

    RunbookName(String key, String option) {
        this.key = key;
        this.option = option;
    }

    /** How a runbook writes it where the tool does not know it: {@code <chi>}. */
    public String placeholder() {
        return "<" + key + ">";
    }

    public String option() {
        return option;
    }
}
