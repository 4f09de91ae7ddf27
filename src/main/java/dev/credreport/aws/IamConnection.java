package dev.credreport.aws;

import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.IamClientBuilder;
import software.amazon.awssdk.utils.AttributeMap;

/** An IAM client built from {@link AwsSettings}, with the credentials it signs with. */
public final class IamConnection implements AutoCloseable {
    private static final String REGION_PROPERTY = "aws.region";

    private final AwsSettings settings;
    private final AwsCredentialsProvider credentials;
    private final IamClient client;
    /** What closing closes: the client, and what came with it (an account's credentials). */
    private AutoCloseable[] closing;

    private IamConnection(AwsSettings settings, AwsCredentialsProvider credentials, IamClient client) {
        this.settings = settings;
        this.credentials = credentials;
        this.client = client;
    }

    public static IamConnection open(AwsSettings settings) {
        return open(settings, callerCredentials(settings), httpClient(settings, isPlainHttp(settings.endpoint())));
    }

    /** A connection with other credentials (an assumed role's) over a shared HTTP client. */
    public static IamConnection open(AwsSettings settings, AwsCredentialsProvider callerOrRole, SdkHttpClient http) {
        return open(settings, callerOrRole, http, null);
    }

    /** The same, each call ending after {@code callTimeout} in all (its attempts included), or the SDK's default when null. */
    static IamConnection open(AwsSettings settings, AwsCredentialsProvider callerOrRole, SdkHttpClient http,
            java.time.Duration callTimeout) {
        AwsCredentialsProvider credentials = new RedactingCredentialsProvider(callerOrRole);
        var overrides = overrides(settings);
        IamClientBuilder builder = IamClient.builder()
                .httpClient(http)
                .overrideConfiguration(callTimeout == null ? overrides : overrides.toBuilder().apiCallTimeout(callTimeout).build())
                .credentialsProvider(credentials);
        if (settings.endpoint() != null) {
            // IAM's endpoint rules sign for us-east-1 (cn-north-1, ...) only for IAM's own endpoints.
            builder.endpointOverride(settings.endpoint()).region(IamRegions.signingRegionOf(settings.iamRegion()));
        } else {
            builder.region(settings.iamRegion());
        }
        return new IamConnection(settings, credentials, builder.build());
    }

    /**
     * Resolves the credentials before the first call, so that a missing profile, an expired SSO
     * session or an empty chain is reported as such rather than as a failed request.
     */
    public void checkCredentials() {
        resolveNow(credentials, settings);
    }

    public IamClient client() {
        return client;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Closes these, in order, instead of the client alone: the first must close the client. */
    IamConnection closing(AutoCloseable... closers) {
        this.closing = closers;
        return this;
    }

    void closeClient() {
        client.close();
    }

    @Override
    public void close() {
        if (closing == null) {
            client.close();
            return;
        }
        for (AutoCloseable closer : closing) {
            try {
                closer.close();
            } catch (Exception e) {
                // nothing more to free
            }
        }
    }

    /** The credentials of whoever runs credreport: --profile, else the AWS CLI's chain. */
    public static AwsCredentialsProvider callerCredentials(AwsSettings settings) {
        return new CallerCredentials(settings);
    }

    /**
     * Resolves a caller's credentials now, lending the configured region to the STS and SSO
     * clients the SDK builds for role and SSO profiles, and turns any failure into a message.
     */
    static void resolveNow(AwsCredentialsProvider credentials, AwsSettings settings) {
        // Those clients find their region on their own, from aws.region or AWS_REGION only: lend
        // them the one the user configured, as the AWS CLI does with AWS_DEFAULT_REGION or
        // --region, for the length of the lookup.
        boolean lendRegion = settings.configuredRegion() != null && System.getProperty(REGION_PROPERTY) == null;
        if (lendRegion) {
            System.setProperty(REGION_PROPERTY, settings.configuredRegion());
        }
        try {
            credentials.resolveCredentials();
        } catch (RuntimeException e) {
            // Whatever a provider throws (SDK errors, a missing SSO token cache file, a bad config
            // file) means there are no usable credentials; it is never an internal error.
            throw ErrorClassifier.credentialsFailure(e, settings);
        } finally {
            if (lendRegion) {
                System.clearProperty(REGION_PROPERTY);
            }
        }
    }

    /**
     * Client settings every SDK client of ours shares: the profile's retry settings are read from
     * the same profile, and the pauses between attempts are the settings' sleeper's.
     */
    static ClientOverrideConfiguration overrides(AwsSettings settings) {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();
        // The run's files, read once: without them each client would read ~/.aws/config again.
        builder.defaultProfileFile(settings.profiles().file());
        if (settings.profile() != null) {
            builder.defaultProfileName(settings.profile());
        }
        RetryConfig.pauseThrough(settings.sleeper(), builder);
        return builder.build();
    }

    /**
     * An HTTP client with the settings' timeouts and TLS trust; one can serve many SDK clients.
     *
     * @param plainHttpOnly whether every endpoint it will reach is plain HTTP, so that no trust store is needed
     */
    public static SdkHttpClient httpClient(AwsSettings settings, boolean plainHttpOnly) {
        UrlConnectionHttpClient.Builder builder = UrlConnectionHttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.readTimeout());
        if (!settings.verifyTls()) {
            return builder.buildWithDefaults(AttributeMap.builder()
                    .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE)
                    .build());
        }
        if (plainHttpOnly) {
            SdkHttpClient plain = PlainHttpConnections.clientOrNull(settings.connectTimeout(), settings.readTimeout());
            if (plain != null) {
                return plain;
            }
            // Plain HTTP (an emulator or proxy on localhost) never needs the JVM's trust store, and
            // loading it costs a tenth of a second of start-up.
            builder.tlsTrustManagersProvider(() -> new TrustManager[] {NoTls.TRUST_NOTHING});
        } else if (settings.caBundle() != null) {
            var trustManagers = PemTrustManagers.load(settings.caBundle());
            builder.tlsTrustManagersProvider(() -> trustManagers);
        }
        return builder.build();
    }

    /** Whether an endpoint override is plain HTTP; no override means IAM's own, HTTPS, endpoint. */
    public static boolean isPlainHttp(java.net.URI endpoint) {
        return endpoint != null && "http".equalsIgnoreCase(endpoint.getScheme());
    }
}
