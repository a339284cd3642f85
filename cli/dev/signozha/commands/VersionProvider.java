package dev.signozha.commands;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven stamped into version.properties. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream("dev/signozha/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"signoz-ha " + properties.getProperty("version", "unknown")};
    }

    /** The bare version, e.g. 0.1.0, as the state record keeps it. */
    String version() {
        try {
            return getVersion()[0].substring("signoz-ha ".length());
        } catch (IOException e) {
            return "unknown";
        }
    }
}
