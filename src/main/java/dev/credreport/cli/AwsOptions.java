package dev.credreport.cli;

import picocli.CommandLine.Option;

/** The AWS CLI's connection options with IAM's --endpoint-url, for every command that calls IAM. */
public final class AwsOptions extends AwsConnectionOptions {
    @Option(names = "--endpoint-url", paramLabel = "URL", converter = NonEmpty.class,
            description = "Send IAM requests to this URL instead (a proxy or an emulator). "
                    + "Default: AWS_ENDPOINT_URL_IAM, else AWS_ENDPOINT_URL.")
    String endpointUrl;

    @Override
    String iamEndpointOption() {
        return endpointUrl;
    }
}
