package dev.credreport.render.html;

import java.time.Instant;
import java.util.List;

/** The whole page: who made it and when, the accounts, and the accounts that failed. */
/**
 * @param scope what part of the accounts the page shows ("owner platform-team", escaped), or null for all of them
 */
public record Page(String version, Instant pageInstant, String pageTime, List<AccountView> accounts,
        List<FailedAccount> failed, String css, String script, String csp, String data, String scope) {

    Page withData(String json) {
        return new Page(version, pageInstant, pageTime, accounts, failed, css, script, csp, json, scope);
    }

    /** An account of a multi-account run whose report could not be fetched. */
    public record FailedAccount(String accountId, String message) {
    }

    public boolean multi() {
        return accounts.size() + failed.size() > 1;
    }

    public boolean single() {
        return !multi();
    }

    public String title() {
        String of = scope == null ? "" : ", " + scope;
        if (accounts.size() == 1 && failed.isEmpty()) {
            return "IAM credential report, account " + accounts.get(0).accountId() + of;
        }
        return "IAM credential report, " + (accounts.size() + failed.size()) + " accounts" + of;
    }

    public String accountList() {
        List<String> ids = accounts.stream().map(AccountView::label).toList();
        return ids.size() <= 6 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
    }

    public boolean hasFailed() {
        return !failed.isEmpty();
    }
}
