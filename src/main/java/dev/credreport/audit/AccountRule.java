package dev.credreport.audit;

import dev.credreport.report.UserCredentials;
import java.util.function.Consumer;

/**
 * A rule about the account as a whole: it sees every user checked, then finds at most a few
 * things about the account. Rules are shared between audits (and accounts audited side by side),
 * so what one audit counts lives in a {@link Tally} of its own.
 */
public interface AccountRule extends Rule {
    /** What one audit of one account has seen so far. */
    interface Tally {
        void add(UserCredentials user);

        /** The findings about the account, once every user was added. */
        void finish(AuditSettings settings, Consumer<Finding> findings);
    }

    Tally tally();

    /** Nothing per user: an account rule speaks when the report is read to the end. */
    @Override
    default void check(UserCredentials user, AuditSettings settings, Consumer<Finding> findings) {
    }
}
