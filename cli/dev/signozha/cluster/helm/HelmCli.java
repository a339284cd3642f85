package dev.signozha.cluster.helm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.GoDuration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link HelmGateway} over the helm command line. Builds the argument lists (long flags, values by
 * file path only), runs them through a {@link ProcessRunner}, and turns exit codes and stderr into
 * results or {@link HelmException}s. Never logs and never quotes helm's stdout, which for some
 * commands carries the release's values.
 */
public final class HelmCli implements HelmGateway {

    /** Added to helm's own --timeout for the process: chart download, rendering, storing the release. */
    static final Duration GRACE = Duration.ofMinutes(2);

    private static final String NOT_FOUND = "release: not found";
    private static final ObjectMapper VALUES_JSON = new ObjectMapper();

    private final ProcessRunner runner;
    private final HelmSettings settings;
    private volatile HelmDialect dialect;

    public HelmCli(ProcessRunner runner, HelmSettings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    @Override
    public String version() {
        return succeeded("version", run("version", List.of("version", "--short"), settings.queryTimeout()))
                .stdout()
                .strip();
    }

    /** The flag dialect of this helm, read from {@link #version()} once. */
    public HelmDialect dialect() {
        HelmDialect known = dialect;
        if (known == null) {
            known = HelmDialect.parse(version());
            dialect = known;
        }
        return known;
    }

    /** From the newest entry of {@code helm history}: unlike {@code helm status}, it names the chart and carries no values. */
    @Override
    public Optional<HelmRelease> status(String namespace, String release) {
        return revisions(namespace, release, List.of("--max", "1")).stream()
                .max(Comparator.comparingInt(HelmRevision::revision))
                .map(latest -> HelmRelease.of(namespace, release, latest));
    }

    @Override
    public List<HelmRevision> history(String namespace, String release) {
        return revisions(namespace, release, List.of());
    }

    @Override
    public void upgradeInstall(UpgradeRequest request) {
        List<String> args = new ArrayList<>(List.of("upgrade", "--install", request.release()));
        args.addAll(chartArgs(request.chart()));
        args.addAll(List.of("--namespace", request.namespace()));
        args.addAll(valuesArgs(request.valuesFiles()));
        args.addAll(List.of("--timeout", GoDuration.format(request.timeout())));
        args.addAll(dryRunArgs(request.dryRun()));
        args.addAll(settings.clusterFlags());
        String command = "upgrade --install " + request.release() + " -n " + request.namespace();
        succeeded(command, run(command, args, request.timeout().plus(GRACE)));
    }

    @Override
    public void rollback(String namespace, String release, int revision, Duration timeout) {
        ArgumentChecks.requireNamespace(namespace);
        ArgumentChecks.requireReleaseName(release);
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        List<String> args = new ArrayList<>(List.of(
                "rollback",
                release,
                Integer.toString(revision),
                "--namespace",
                namespace,
                "--timeout",
                GoDuration.format(timeout)));
        args.addAll(settings.clusterFlags());
        String command = "rollback " + release + " " + revision + " -n " + namespace;
        succeeded(command, run(command, args, timeout.plus(GRACE)));
    }

    @Override
    public String template(String namespace, String release, ChartReference chart, List<Path> valuesFiles) {
        ArgumentChecks.requireNamespace(namespace);
        ArgumentChecks.requireReleaseName(release);
        List<String> args = new ArrayList<>(List.of("template", release));
        args.addAll(chartArgs(chart));
        args.addAll(List.of("--namespace", namespace));
        args.addAll(valuesArgs(valuesFiles.stream()
                .map(file -> file.toAbsolutePath().normalize())
                .toList()));
        String command = "template " + release + " -n " + namespace;
        return succeeded(command, run(command, args, settings.queryTimeout())).stdout();
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release) {
        return values(namespace, release, List.of());
    }

    @Override
    public Optional<JsonNode> computedValues(String namespace, String release) {
        return values(namespace, release, List.of("--all"));
    }

    @Override
    public Optional<JsonNode> suppliedValues(String namespace, String release, int revision) {
        return values(namespace, release, List.of("--revision", Integer.toString(revision)));
    }

    /** {@code helm get values}, of the latest revision unless {@code selection} says which, or with --all. */
    private Optional<JsonNode> values(String namespace, String release, List<String> selection) {
        ArgumentChecks.requireNamespace(namespace);
        ArgumentChecks.requireReleaseName(release);
        List<String> args =
                new ArrayList<>(List.of("get", "values", release, "--namespace", namespace, "--output", "json"));
        args.addAll(selection);
        args.addAll(settings.clusterFlags());
        String command = "get values " + release + " -n " + namespace
                + (selection.isEmpty() ? "" : " " + String.join(" ", selection));
        ProcessResult result = run(command, args, settings.queryTimeout());
        if (!result.succeeded() && HelmException.errorLine(result.stderr()).endsWith(NOT_FOUND)) {
            return Optional.empty();
        }
        try {
            JsonNode values = VALUES_JSON.readTree(succeeded(command, result).stdout());
            return Optional.of(values == null || values.isNull() ? VALUES_JSON.createObjectNode() : values);
        } catch (JsonProcessingException e) {
            // Never quote the output: supplied values can hold the bundled-mode password.
            throw HelmException.unreadable(command, "the supplied values are not JSON");
        }
    }

    private List<HelmRevision> revisions(String namespace, String release, List<String> extra) {
        ArgumentChecks.requireNamespace(namespace);
        ArgumentChecks.requireReleaseName(release);
        List<String> args = new ArrayList<>(List.of("history", release, "--namespace", namespace));
        args.addAll(extra);
        args.addAll(List.of("--output", "json"));
        args.addAll(settings.clusterFlags());
        String command = "history " + release + " -n " + namespace;
        ProcessResult result = run(command, args, settings.queryTimeout());
        if (!result.succeeded() && HelmException.errorLine(result.stderr()).endsWith(NOT_FOUND)) {
            return List.of();
        }
        return HistoryJson.parse(command, succeeded(command, result).stdout());
    }

    private List<String> dryRunArgs(HelmDryRun mode) {
        return mode == HelmDryRun.NONE ? List.of() : dialect().dryRunArgs(mode);
    }

    private static List<String> chartArgs(ChartReference chart) {
        List<String> args = new ArrayList<>(List.of(chart.name()));
        chart.repository().ifPresent(url -> args.addAll(List.of("--repo", url)));
        chart.version().ifPresent(version -> args.addAll(List.of("--version", version)));
        return args;
    }

    private static List<String> valuesArgs(List<Path> valuesFiles) {
        List<String> args = new ArrayList<>();
        valuesFiles.forEach(file -> args.addAll(List.of("--values", file.toString())));
        return args;
    }

    private ProcessResult run(String command, List<String> args, Duration limit) {
        List<String> argv = new ArrayList<>(List.of(settings.binary()));
        argv.addAll(args);
        ProcessResult result;
        try {
            result = runner.run(List.copyOf(argv), settings.env(), limit);
        } catch (IOException e) {
            throw new SignozHaException(ExitCode.BAD_INPUT, notStartedMessage(), e);
        }
        if (result.timedOut()) {
            throw HelmException.timedOut(command, limit);
        }
        return result;
    }

    private static ProcessResult succeeded(String command, ProcessResult result) {
        if (!result.succeeded()) {
            throw HelmException.failed(command, result);
        }
        return result;
    }

    private String notStartedMessage() {
        String requirement = "signoz-ha deploy needs " + HelmDialect.REQUIREMENT;
        return settings.binary().equals("helm")
                ? "helm not found on PATH (" + requirement + ")"
                : settings.binary() + " cannot be run (" + requirement + ")";
    }
}
