package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import dev.credreport.aws.AccountAccess;
import dev.credreport.multi.AccountSelection;
import dev.credreport.multi.FetchPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Running a command over many accounts: which ones, and how to get into each. */
public final class MultiAccountOptions {
    @Option(names = "--accounts", paramLabel = "ID", split = ",", order = 1,
            description = "Run in these accounts (comma-separated or repeated), assuming --role-name in each.")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--accounts-file", paramLabel = "FILE", order = 2,
            description = "Run in the accounts listed in FILE, one id per line; '#' starts a comment.")
    Path accountsFile;

    @Option(names = "--org", order = 3,
            description = "Run in every ACTIVE account of the Organization (organizations:ListAccounts, from the "
                    + "management account or a delegated administrator); the others are listed as skipped.")
    boolean organization;

    @Option(names = "--role-name", paramLabel = "NAME", order = 4,
            description = "The role to assume in each account. Default: " + AccountAccess.DEFAULT_ROLE + ".")
    String roleName;

    @Option(names = "--role-arn-template", paramLabel = "TEMPLATE", order = 5,
            description = "The role ARN instead, for roles with a path: {account} and {partition} are replaced, "
                    + "e.g. arn:{partition}:iam::{account}:role/security/Audit. Not with --role-name.")
    String roleArnTemplate;

    @Option(names = "--external-id", paramLabel = "ID", order = 6,
            description = "The external id the roles' trust policies require (sts:ExternalId).")
    String externalId;

    @Option(names = "--role-session-name", paramLabel = "NAME", order = 7,
            description = "The session name in the member accounts' CloudTrail. Default: " + DEFAULT_SESSION_NAME + ".")
    String sessionName;

    int concurrency = DEFAULT_CONCURRENCY;
    private boolean concurrencyGiven;

    @Option(names = "--concurrency", paramLabel = "N", order = 8,
            description = "Accounts fetched at a time, each with its own --max-wait. Default: " + DEFAULT_CONCURRENCY + ".")
    void concurrency(int accountsAtATime) {
        concurrency = accountsAtATime;
        concurrencyGiven = true;
    }

    @Option(names = "--throttle-patience", paramLabel = "DURATION", converter = DurationConverter.class, order = 9,
            description = "How long one AWS call may go on being throttled (Throttling, TooManyRequestsException, "
                    + "HTTP 429, ...) before its account fails. Throttled calls are retried with jittered backoff and "
                    + "slow the whole run down; --max-wait stays each report's wait. Default: 15m.")
    Duration throttlePatience;

    @Option(names = "--account-timeout", paramLabel = "DURATION", converter = DurationConverter.class, order = 10,
            description = "How long one account may take in all (role, report, its waits) before it is reported "
                    + "failed and the run goes on, e.g. 90s, 10m. Default: 20m.")
    Duration accountTimeout;

    @Option(names = "--failed-accounts", paramLabel = "FILE", order = 11,
            description = "Write the accounts that failed, each with why as a comment, to FILE in the form "
                    + "--accounts-file reads, so that the next run can retry just those.")
    Path failedAccounts;

    static final String DEFAULT_SESSION_NAME = "credreport";
    static final int DEFAULT_CONCURRENCY = 8;

    boolean active() {
        return selection().active();
    }

    void check() {
        int sources = (organization ? 1 : 0) + (accountsFile != null ? 1 : 0) + (accounts.isEmpty() ? 0 : 1);
        if (sources > 1) {
            throw CredreportException.usage("choose one of --accounts, --accounts-file and --org");
        }
        if (!active()) {
            // Options that only shape a run over many accounts would be silently ignored in one account.
            String pointless = firstGiven();
            if (pointless != null) {
                throw CredreportException.usage(pointless + " applies only to runs over many accounts (--accounts, "
                        + "--accounts-file or --org)" + (java.util.Set.of("--concurrency", "--throttle-patience", "--account-timeout", "--failed-accounts").contains(pointless) ? ""
                                : "; to assume a role in one account, give a profile role_arn"
                                + (pointless.equals("--external-id") ? " and external_id" : "")
                                + " in ~/.aws/config and pass --profile"));
            }
        }
        if (roleName != null && roleArnTemplate != null) {
            throw CredreportException.usage("--role-name and --role-arn-template both name the role to assume: give one "
                    + "(the template's ARN holds the role's name, e.g. arn:{partition}:iam::{account}:role/path/" + roleName + ")");
        }
        for (String[] option : new String[][] {{"--role-name", roleName}, {"--role-arn-template", roleArnTemplate},
                {"--external-id", externalId}, {"--role-session-name", sessionName}}) {
            if (option[1] != null && option[1].isBlank()) {
                throw CredreportException.usage(option[0] + " is empty: give a value, or leave the option out");
            }
        }
        if (concurrency < 1 || concurrency > 256) {
            throw CredreportException.usage("--concurrency must be from 1 to 256");
        }
        for (Object[] option : new Object[][] {{"--throttle-patience", throttlePatience}, {"--account-timeout", accountTimeout}}) {
            if (option[1] != null && (((Duration) option[1]).isZero() || ((Duration) option[1]).isNegative())) {
                throw CredreportException.usage(option[0] + " must be longer than 0s (e.g. 10m)");
            }
        }
        if (failedAccounts != null) {
            dev.credreport.io.AtomicFileWriter.checkTarget(failedAccounts);
        }
        if (roleArnTemplate != null && !roleArnTemplate.contains("{account}")) {
            throw CredreportException.usage("--role-arn-template must contain {account}");
        }
    }

    /** Whether a role to assume was named (--role-name, --role-arn-template, --external-id, --role-session-name). */
    boolean rolesGiven() {
        return roleName != null || roleArnTemplate != null || externalId != null || sessionName != null;
    }

    private String firstGiven() {
        if (roleName != null) {
            return "--role-name";
        }
        if (roleArnTemplate != null) {
            return "--role-arn-template";
        }
        if (externalId != null) {
            return "--external-id";
        }
        if (sessionName != null) {
            return "--role-session-name";
        }
        if (throttlePatience != null) {
            return "--throttle-patience";
        }
        if (accountTimeout != null) {
            return "--account-timeout";
        }
        if (failedAccounts != null) {
            return "--failed-accounts";
        }
        return concurrencyGiven ? "--concurrency" : null;
    }

    /** The plan of the source options with this run's patience and deadline. */
    FetchPlan plan(FetchPlan fromSource) {
        return fromSource.withThrottlePatience(throttlePatience != null ? throttlePatience : FetchPlan.DEFAULT_THROTTLE_PATIENCE)
                .withAccountTimeout(accountTimeout != null ? accountTimeout : FetchPlan.DEFAULT_ACCOUNT_TIMEOUT);
    }

    AccountAccess.RoleSettings roles() {
        String template = roleArnTemplate != null ? roleArnTemplate
                : "arn:{partition}:iam::{account}:role/" + (roleName != null ? roleName : AccountAccess.DEFAULT_ROLE);
        return new AccountAccess.RoleSettings(template, externalId,
                sessionName != null ? sessionName : DEFAULT_SESSION_NAME);
    }

    /** Which accounts were named; the file is read and the Organization listed when the run starts. */
    AccountSelection selection() {
        return new AccountSelection(accounts, accountsFile, organization);
    }
}
