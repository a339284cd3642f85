package dev.signozha.commands;

import dev.signozha.cluster.helm.HelmDialect;
import dev.signozha.core.topology.ChartVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine.IVersionProvider;

/**
 * What a bug report needs to know about this build: the version and git commit Maven stamped into
 * version.properties, the charts and helm it works with, and the Java runtime it runs on.
 */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties build = build();
        return new String[] {
            "signoz-ha " + stamped(build, "version"),
            "commit:  " + stamped(build, "commit"),
            "charts:  SigNoz chart " + ChartVersion.OLDEST_SUPPORTED + " and later; rendered values checked against "
                    + ChartVersion.KEYS_CHECKED.stream()
                            .map(ChartVersion::toString)
                            .collect(Collectors.joining(" and ")),
            "helm:    " + HelmDialect.REQUIREMENT,
            "java:    " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ", "
                    + System.getProperty("java.vm.name") + ")"
        };
    }

    /** The bare version, e.g. 0.1.0, as the state record keeps it. */
    String version() {
        return stamped(build(), "version");
    }

    /** A value the build filled in; an unfiltered one (a run from an IDE's own build) is unknown. */
    private static String stamped(Properties build, String key) {
        String value = build.getProperty(key, "unknown");
        return value.isBlank() || value.startsWith("${") ? "unknown" : value;
    }

    private static Properties build() {
        Properties properties = new Properties();
        try (InputStream in =
                VersionProvider.class.getClassLoader().getResourceAsStream("dev/signozha/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
