package dev.credreport.multi;

import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.AwsSettings;
import dev.credreport.aws.IamConnection;
import dev.credreport.aws.RunThrottle;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The accounts of a run that acts in them one call at a time instead of fetching their reports (fix apply
 * and undo), reached as {@link AccountRun} reaches them: over many accounts through one {@link AccountAccess}
 * (the caller's own credentials in its own account, the role assumed through the run's throttle in each of the
 * others, every call bounded by the account timeout, a role that cannot be assumed told with what to check),
 * or in the caller's one account with its own credentials and a throttle of the same patience. Each account's
 * IAM is opened once, on first use; all are closed with this.
 */
public final class AccountConnections implements AutoCloseable {
    private final AwsSettings settings;
    private final AccountAccess access;
    private final RunThrottle throttle;
    private final Map<String, IamConnection> open = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration throttlePatience;
    /** In the caller's one account: STS alone, opened when the caller's account is asked. */
    private AccountAccess identity;

    private AccountConnections(AwsSettings settings, AccountAccess access, RunThrottle throttle, Clock clock,
            Duration throttlePatience) {
        this.settings = settings;
        this.access = access;
        this.throttle = throttle;
        this.clock = clock;
        this.throttlePatience = throttlePatience;
    }

    /**
     * Many accounts, each with its role.
     *
     * @param throttlePatience --throttle-patience
     * @param accountTimeout --account-timeout, the longest one call may take
     */
    public static AccountConnections withRoles(AwsSettings settings, AccountAccess.RoleSettings roles, Duration throttlePatience,
            Duration accountTimeout, Clock clock) {
        AccountAccess access = new AccountAccess(settings, roles, clock, throttlePatience, accountTimeout);
        return new AccountConnections(settings, access, access.throttle(), clock, throttlePatience);
    }

    /** The caller's own account alone, with the caller's own credentials (checked now, so their absence is told once). */
    public static AccountConnections caller(AwsSettings settings, Duration throttlePatience, Clock clock) {
        return new AccountConnections(Objects.requireNonNull(settings), null,
                new RunThrottle(throttlePatience, clock, settings.sleeper()), clock, throttlePatience);
    }

    /**
     * The IAM of an account, opened on first use: with the caller's credentials alone, the one connection
     * whatever the id.
     *
     * @throws dev.credreport.core.CredreportException naming the role when it cannot be assumed
     */
    public synchronized IamConnection iam(String account) {
        String key = access == null ? "" : account;
        IamConnection connection = open.get(key);
        if (connection == null) {
            if (access == null) {
                connection = IamConnection.open(settings);
                try {
                    connection.checkCredentials();
                } catch (RuntimeException e) {
                    connection.close();
                    throw e;
                }
            } else {
                connection = access.iamIn(account);
            }
            open.put(key, connection);
        }
        return connection;
    }

    /**
     * The account the caller's credentials are of (STS GetCallerIdentity), so that a run in the caller's one account
     * can check it is the account it means to act in.
     *
     * @throws dev.credreport.core.CredreportException when STS cannot say, classified as every AWS failure
     */
    public synchronized String callerAccount() {
        if (access != null) {
            return access.callerAccountOrFail();
        }
        if (identity == null) {
            identity = new AccountAccess(settings, null, clock, throttlePatience, null);
        }
        return identity.callerAccountOrFail();
    }

    /** The run's throttle, which every call in every account goes through. */
    public RunThrottle throttle() {
        return throttle;
    }

    @Override
    public synchronized void close() {
        open.values().forEach(IamConnection::close);
        open.clear();
        if (access != null) {
            access.close();
        }
        if (identity != null) {
            identity.close();
        }
    }
}
