package dev.credreport.audit;

import java.util.Objects;

/**
 * One thing a rule found about one user.
 *
 * @param rule the rule that found it
 * @param user the user name as the report has it
 * @param arn the user's ARN
 * @param line the report line the user stands on
 * @param evidence the values and ages that made the rule fire
 */
public record Finding(RuleInfo rule, String user, String arn, long line, String evidence) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(evidence, "evidence");
    }

    public Severity severity() {
        return rule.severity();
    }
}
