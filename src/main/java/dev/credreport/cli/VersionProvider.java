package dev.credreport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build wrote into credreport.properties, without loading the SDK. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/credreport.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
            "credreport " + properties.getProperty("version", "unknown"),
            "AWS SDK for Java " + properties.getProperty("awssdk.version", "unknown")
                    + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    static String version() {
        try {
            return new VersionProvider().getVersion()[0];
        } catch (IOException e) {
            return "credreport";
        }
    }
}
