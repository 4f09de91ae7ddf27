package dev.credreport.render.html;

import dev.credreport.audit.RuleInfo;
import java.util.List;

/**
 * The findings of one rule: its description, how many, and whom they concern. The first findings
 * are listed with their evidence; past {@link #DETAILED} only the user names are, to keep the page small.
 */
/**
 * @param controls the controls shown for the --cis-version chosen, as labels
 */
public record Recommendation(RuleInfo rule, int count, List<Affected> detailed, List<String> more, String controls,
        int users, String anchor) {
    static final int DETAILED = 100;

    /** One finding: the user, what made the rule fire, and the user's owner (--owner-tag) or null. */
    public record Affected(String user, String evidence, String owner) {
        public boolean hasOwner() {
            return owner != null;
        }
    }

    public String severity() {
        return rule.severity().label();
    }

    /** "affects 3 users", "affects the root user", "affects the whole account". */
    public String usersText() {
        String only = users == 1 && !detailed.isEmpty() ? detailed.get(0).user() : "";
        if (only.equals("root user")) {
            return "affects the root user";
        }
        if (only.equals("the whole account")) {
            return "affects the whole account";
        }
        return "affects " + users + (users == 1 ? " user" : " users");
    }

    public String countText() {
        return count + (count == 1 ? " finding" : " findings");
    }

    public boolean hasMore() {
        return !more.isEmpty();
    }

    public int moreCount() {
        return more.size();
    }

    public String moreUsers() {
        return String.join(", ", more);
    }
}
