package dev.credreport.audit;

import java.util.Objects;

/** A rule that carries its description; subclasses only check. */
public abstract class BaseRule implements Rule {
    private final RuleInfo info;

    protected BaseRule(RuleInfo info) {
        this.info = Objects.requireNonNull(info);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }
}
