package dev.credreport.audit.rules;

import dev.credreport.audit.Rule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule, in the order they are listed and applied: the one list through which the rest of the
 * program knows the concrete rules (the audit model in {@code audit} knows only {@link Rule}).
 */
public final class Rules {
    private static final List<Rule> ALL = List.of(
            new RootAccessKeyActive(),
            new RootWithoutMfa(),
            new RootRecentlyUsed(),
            new RootSigningCertificateActive(),
            new ConsoleWithoutMfa(),
            new UnusedCredentials(),
            new AccessKeyNotRotated(),
            new MultipleActiveAccessKeys(),
            new AccessKeyCreatedAtSetup(),
            new PasswordPastRotation(),
            new SigningCertificateNotRotated(),
            new IamUsersInsteadOfIdentityCenter());

    private Rules() {
    }

    public static List<Rule> all() {
        return ALL;
    }

    /**
     * The rules named in {@code only} (all when empty) less those in {@code skip}, in the usual order.
     *
     * @throws IllegalArgumentException naming an id that is no rule's
     */
    public static List<Rule> select(Collection<String> only, Collection<String> skip) {
        Set<String> known = new LinkedHashSet<>();
        ALL.forEach(rule -> known.add(rule.info().id()));
        for (String id : concat(only, skip)) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("no rule has the id '" + id + "'; the rules are: " + String.join(", ", known));
            }
        }
        List<Rule> selected = new ArrayList<>();
        for (Rule rule : ALL) {
            String id = rule.info().id();
            if ((only.isEmpty() || only.contains(id)) && !skip.contains(id)) {
                selected.add(rule);
            }
        }
        return selected;
    }

    private static List<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
