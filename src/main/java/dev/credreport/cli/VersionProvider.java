package dev.credreport.cli;

import dev.credreport.core.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: credreport's, the SDK's and the JVM's, without loading the SDK. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "credreport " + BuildInfo.version(),
            "AWS SDK for Java " + BuildInfo.sdkVersion()
                    + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
