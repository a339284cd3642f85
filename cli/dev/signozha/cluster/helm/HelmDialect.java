package dev.signozha.cluster.helm;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.text.Messages;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The flag differences between the helm versions signoz-ha meets, told apart by
 * {@code helm version --short}. For the flags signoz-ha passes, only {@code --dry-run} differs:
 * <ul>
 *   <li>Helm 3 before 3.13: a boolean {@code --dry-run} (client-side only; no server mode);</li>
 *   <li>Helm 3.13+: {@code --dry-run[=client|server]} (a bare flag means client);</li>
 *   <li>Helm 4: {@code --dry-run=none|client|server} (a bare flag is deprecated).</li>
 * </ul>
 * Both 3.13+ and 4 get the explicit {@code --dry-run=client|server}. Flags that changed in Helm 4
 * ({@code --atomic} became {@code --rollback-on-failure}, {@code --wait} takes a strategy) are the
 * ones signoz-ha never passes.
 */
public record HelmDialect(String version, int major, int minor) {

    /** The helm versions signoz-ha deploys with. */
    public static final String REQUIREMENT = "Helm 3.13+ or 4";

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.\\d+");

    /** Reads {@code helm version --short} output such as {@code v3.18.0+gcc58e3f} or {@code v4.1.4+g...}. */
    public static HelmDialect parse(String versionShort) {
        String text = versionShort == null ? "" : versionShort.strip();
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.find()) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "cannot read helm's version from '" + Messages.firstLine(text, "") + "' (signoz-ha deploy needs "
                            + REQUIREMENT + ")");
        }
        HelmDialect dialect = new HelmDialect(
                matcher.group(), Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        if (dialect.major < 3) {
            throw new SignozHaException(
                    ExitCode.BAD_INPUT,
                    "helm " + dialect.version + " is not supported (signoz-ha deploy needs " + REQUIREMENT + ")");
        }
        return dialect;
    }

    /** Whether this helm has {@code --dry-run=client|server} (3.13+ and 4), i.e. meets {@link #REQUIREMENT}. */
    public boolean hasDryRunModes() {
        return major > 3 || minor >= 13;
    }

    /** The arguments for a dry-run mode; a server-side dry run on a helm that has none is refused. */
    public List<String> dryRunArgs(HelmDryRun mode) {
        if (mode == HelmDryRun.NONE) {
            return List.of();
        }
        if (hasDryRunModes()) {
            return List.of("--dry-run=" + (mode == HelmDryRun.CLIENT ? "client" : "server"));
        }
        if (mode == HelmDryRun.CLIENT) {
            return List.of("--dry-run");
        }
        throw new SignozHaException(
                ExitCode.BAD_INPUT,
                "helm " + version + " has no server-side dry run (--dry-run=server needs " + REQUIREMENT + ")");
    }
}
