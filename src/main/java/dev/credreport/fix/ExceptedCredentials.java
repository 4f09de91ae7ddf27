package dev.credreport.fix;

import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Exceptions;
import dev.credreport.audit.RuleInfo;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * The exceptions file (--exceptions, issue 24) as the fix safety rule asks it: a user or credential covered by
 * any entry still in force, for any rule, is never acted on (an accepted risk is a person's decision, whatever
 * finding the plan came from). Expired entries protect nothing.
 */
public final class ExceptedCredentials implements Exemptions {
    private final Exceptions exceptions;
    private final List<RuleInfo> rules;
    private final Clock clock;

    public ExceptedCredentials(Exceptions exceptions, Collection<RuleInfo> rules, Clock clock) {
        this.exceptions = exceptions;
        this.rules = List.copyOf(rules);
        this.clock = clock;
    }

    @Override
    public boolean covers(String account, String user, String credential) {
        if (exceptions.isEmpty()) {
            return false;
        }
        String arn = account == null || account.isEmpty() ? null : "arn:aws:iam::" + account + ":user/" + user;
        for (RuleInfo rule : rules) {
            // An entry naming the credential covers it; one naming none covers every credential of the user.
            boolean covered = exceptions.match(account == null || account.isEmpty() ? null : account, user, arn, rule,
                    credential, clock).filter(entry -> entry.state(clock, 0) != ExceptionEntry.State.EXPIRED).isPresent();
            if (covered) {
                return true;
            }
        }
        return false;
    }
}
