package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import dev.credreport.report.Account;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Reaching the accounts of a multi-account run: which accounts an Organization has, and the
 * credentials for each (a role assumed in it, or the caller's own in the caller's account).
 */
public final class AccountAccess implements AutoCloseable {
    /** The default role: the one AWS Organizations creates in accounts it creates. */
    public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

    private final AwsSettings settings;
    private final RoleSettings roles;
    private final AwsCredentialsProvider caller;
    private final SdkHttpClient http;
    private final StsClient sts;
    private final Clock clock;
    private final RunThrottle throttle;
    private final java.time.Duration callTimeout;
    private String callerAccount;
    private boolean callerAccountKnown;
    /** Per-account clients and credentials providers open now: each is closed when its account is done with it. */
    private final java.util.concurrent.atomic.AtomicInteger openInAccounts = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * How roles are named and assumed.
     *
     * @param arnTemplate the role ARN, with {account} and {partition} (and the role name already in it)
     * @param externalId the external id the roles require, or null
     * @param sessionName the role session name
     */
    public record RoleSettings(String arnTemplate, String externalId, String sessionName) {
        public RoleSettings {
            Objects.requireNonNull(arnTemplate, "arnTemplate");
            Objects.requireNonNull(sessionName, "sessionName");
            if (!arnTemplate.contains("{account}")) {
                throw new IllegalArgumentException("the role ARN template must contain {account}");
            }
        }

        public String roleArn(String account, String partition) {
            return arnTemplate.replace("{account}", account).replace("{partition}", partition);
        }
    }

    /** The accounts an Organization lists, active ones with their names and the others with their status. */
    public record OrganizationAccounts(List<Account> active, List<String> skipped) {
    }

    /** @param clock what each account's --max-wait is counted on (the settings' sleeper waits) */
    public AccountAccess(AwsSettings settings, RoleSettings roles, Clock clock) {
        this(settings, roles, clock, RunThrottle.DEFAULT_PATIENCE, null);
    }

    /**
     * @param throttlePatience how long one call may go on being throttled, retried through the run's
     *     one limiter per service and region, before its account fails (--throttle-patience)
     * @param callTimeout the longest any one SDK call of an account may take, retries included (its
     *     --account-timeout), so that a hung connection never holds a worker past it; null for the SDK's default
     */
    public AccountAccess(AwsSettings settings, RoleSettings roles, Clock clock, java.time.Duration throttlePatience,
            java.time.Duration callTimeout) {
        this.callTimeout = callTimeout;
        this.throttle = new RunThrottle(throttlePatience, clock, settings.sleeper());
        this.settings = settings;
        this.roles = roles;
        this.clock = Objects.requireNonNull(clock);
        this.caller = IamConnection.callerCredentials(settings);
        this.http = IamConnection.httpClient(settings, IamConnection.isPlainHttp(settings.endpoint())
                && IamConnection.isPlainHttp(settings.stsEndpoint()) && IamConnection.isPlainHttp(settings.organizationsEndpoint()));
        var builder = StsClient.builder().httpClient(http).credentialsProvider(caller);
        configure(builder, settings.stsEndpoint());
        this.sts = builder.build();
        // The caller's own credentials are resolved now, so that their absence is told once, not per account.
        try {
            IamConnection.resolveNow(caller, settings);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The run's throttle: one limiter per service and region, for every account's calls. */
    public RunThrottle throttle() {
        return throttle;
    }

    public SdkHttpClient http() {
        return http;
    }

    /** Every account of the Organization, every page followed; needs organizations:ListAccounts. */
    public OrganizationAccounts organizationAccounts() {
        List<Account> active = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (AccountPages pages = organizationPages()) {
            for (OrganizationAccounts page = pages.next(); page != null; page = pages.next()) {
                active.addAll(page.active());
                skipped.addAll(page.skipped());
            }
        }
        return new OrganizationAccounts(active, skipped);
    }

    /** The Organization's accounts a page at a time, so that a run can start on each page as it comes. */
    public interface AccountPages extends AutoCloseable {
        /** The next page's accounts, or null after the last. */
        OrganizationAccounts next();

        @Override
        void close();
    }

    /**
     * The Organization's accounts page by page; each page is asked for through the run's throttle,
     * so that a throttled page is retried rather than the run failed.
     */
    public AccountPages organizationPages() {
        var builder = OrganizationsClient.builder().httpClient(http).credentialsProvider(caller);
        configure(builder, settings.organizationsEndpoint());
        OrganizationsClient organizations = builder.build();
        AwsCall call = AwsCall.listAccounts(settings);
        return new AccountPages() {
            private String token;
            private boolean last;

            @Override
            public synchronized OrganizationAccounts next() {
                if (last) {
                    return null;
                }
                String asked = token;
                try {
                    var page = throttle.call(call, settings.iamRegion().id(),
                            () -> organizations.listAccounts(request -> request.nextToken(asked)));
                    token = page.nextToken();
                    last = token == null || token.isEmpty();
                    List<Account> active = new ArrayList<>();
                    List<String> skipped = new ArrayList<>();
                    for (var account : page.accounts()) {
                        if ("ACTIVE".equals(account.statusAsString())) {
                            active.add(new Account(account.id(), account.name()));
                        } else {
                            skipped.add(account.id() + " (" + account.statusAsString() + ")");
                        }
                    }
                    return new OrganizationAccounts(active, skipped);
                } catch (SdkException e) {
                    throw ErrorClassifier.classify(e, call);
                }
            }

            @Override
            public void close() {
                organizations.close();
            }
        };
    }

    /**
     * Credentials for an account: the caller's own in its own account, else the assumed role's,
     * through the run's one STS client. Close them when done with the account: a role's provider is
     * the account's own, never left open for the run's end.
     */
    public AccountCredentials credentialsFor(String account) {
        if (account.equals(callerAccount())) {
            return new AccountCredentials(caller, null);
        }
        var request = software.amazon.awssdk.services.sts.model.AssumeRoleRequest.builder()
                .roleArn(roles.roleArn(account, partition()))
                .roleSessionName(roles.sessionName());
        if (roles.externalId() != null) {
            request.externalId(roles.externalId());
        }
        StsAssumeRoleCredentialsProvider role = StsAssumeRoleCredentialsProvider.builder().stsClient(sts)
                .refreshRequest(request.build()).asyncCredentialUpdateEnabled(false).build();
        return new AccountCredentials(role, opened(role));
    }

    private IamConnection iamWith(AccountCredentials credentials) {
        IamConnection connection = IamConnection.open(settings, credentials, http, callTimeout);
        return connection.closing(opened(connection::closeClient), credentials);
    }

    /** How many per-account clients and credentials providers are open now: none once every account is done. */
    public int openInAccounts() {
        return openInAccounts.get();
    }

    /** Counts {@code resource} open until the returned closer closes it, once however often it is called. */
    private AutoCloseable opened(AutoCloseable resource) {
        openInAccounts.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                openInAccounts.decrementAndGet();
                closeQuietly(resource);
            }
        };
    }

    /**
     * An account's credentials: the caller's own (nothing to close) or a role's provider, which
     * closing closes. Closing twice is closing once.
     */
    public static final class AccountCredentials implements AwsCredentialsProvider, AutoCloseable {
        private final AwsCredentialsProvider provider;
        private final AutoCloseable closer;

        AccountCredentials(AwsCredentialsProvider provider, AutoCloseable closer) {
            this.provider = provider;
            this.closer = closer;
        }

        @Override
        public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            return provider.resolveCredentials();
        }

        /** Whether these are an assumed role's, not the caller's own. */
        boolean role() {
            return closer != null;
        }

        @Override
        public void close() {
            if (closer != null) {
                closeQuietly(closer);
            }
        }
    }

    /**
     * Fetches one account's report with its credentials (the role assumed in it, or the caller's
     * own), generating it first unless {@code generate} is false.
     *
     * @throws CredreportException naming the role when it cannot be assumed, else the fetch's own failure
     */
    public FetchedReport fetchReport(String account, java.time.Duration maxWait, boolean generate) {
        try (IamConnection connection = iamIn(account)) {
            return new CredentialReportFetcher(connection, maxWait, generate, message -> { }, clock, settings.sleeper())
                    .throttledBy(throttle).fetch();
        }
    }

    /**
     * One account's IAM, with its credentials (the role assumed in it now, through the run's throttle, or the
     * caller's own), over the run's one HTTP client, each call bounded by the run's per-call deadline: what a
     * fetch uses, and what acting in an account (fix apply) uses. Closing it closes the client and the role's
     * provider, which are the account's own, never left for the run's end.
     *
     * @throws CredreportException naming the role when it cannot be assumed
     */
    public IamConnection iamIn(String account) {
        AccountCredentials credentials = credentialsFor(account);
        try {
            if (credentials.role()) {
                // AssumeRole through the run's throttle, so that STS's rate limit slows the run, not fails accounts.
                throttle.call(AwsCall.assumeRole(roleArn(account), "the caller", roles.externalId() != null, settings),
                        settings.iamRegion().id(), credentials::resolveCredentials);
            } else {
                credentials.resolveCredentials();
            }
        } catch (RuntimeException e) {
            credentials.close();
            throw roleFailure(account, e);
        }
        try {
            return iamWith(credentials);
        } catch (RuntimeException e) {
            credentials.close();
            throw e;
        }
    }

    public String roleArn(String account) {
        return roles.roleArn(account, partition());
    }

    /** Why the role of an account could not be assumed, with what to check, as one line and its exit code. */
    public CredreportException roleFailure(String account, RuntimeException error) {
        if (error instanceof CredreportException) {
            return (CredreportException) error;
        }
        return ErrorClassifier.classify(error, AwsCall.assumeRole(roleArn(account), "the caller", roles.externalId() != null,
                settings));
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing more to free
        }
    }

    /** The caller's account, asked of STS once; null when STS will not say. */
    public synchronized String callerAccount() {
        if (!callerAccountKnown) {
            callerAccountKnown = true;
            try {
                callerAccount = sts.getCallerIdentity().account();
            } catch (SdkException e) {
                callerAccount = null;
            }
        }
        return callerAccount;
    }

    /**
     * The caller's account, asked of STS now unless known; unlike {@link #callerAccount()} a failure is not
     * hidden but told as every AWS failure is (for fix apply, which must not act without knowing it).
     */
    public synchronized String callerAccountOrFail() {
        if (callerAccountKnown && callerAccount != null) {
            return callerAccount;
        }
        AwsCall call = AwsCall.callerIdentity(settings);
        try {
            callerAccount = sts.getCallerIdentity().account();
            callerAccountKnown = true;
            return callerAccount;
        } catch (SdkException e) {
            throw ErrorClassifier.classify(e, call);
        }
    }

    /** The partition of the accounts reached (aws, aws-cn, aws-us-gov, ...), told by the configured region. */
    public String partition() {
        return Partitions.of(settings.iamRegion().id());
    }

    private void configure(software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder, URI endpoint) {
        var overrides = IamConnection.overrides(settings);
        builder.overrideConfiguration(callTimeout == null ? overrides : overrides.toBuilder().apiCallTimeout(callTimeout).build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint).region(IamRegions.signingRegionOf(settings.iamRegion()));
        } else {
            builder.region(settings.iamRegion());
        }
    }

    @Override
    public void close() {
        sts.close();
        http.close();
    }
}
