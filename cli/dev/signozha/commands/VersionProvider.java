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
}
