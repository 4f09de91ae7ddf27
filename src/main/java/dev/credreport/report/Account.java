package dev.credreport.report;

import java.util.Objects;

/**
 * One AWS account of a run over many: its id and, when the Organization lists it, its name.
 *
 * @param id twelve digits
 * @param name the account's name from Organizations ListAccounts, or null when the account was
 *     named by id only; text from outside, so escaped where written for people
 */
public record Account(String id, String name) implements Comparable<Account> {
    public Account {
        Objects.requireNonNull(id, "id");
        if (!Arns.isAccountId(id)) {
            throw new IllegalArgumentException("not an AWS account id: " + id);
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    /** An account known by its id alone. */
    public static Account of(String id) {
        return new Account(id, null);
    }

    /** "123456789012" or "123456789012 (Production)", escaped, for people. */
    public String label() {
        return name == null ? id : id + " (" + UntrustedText.escape(name) + ")";
    }

    @Override
    public int compareTo(Account other) {
        return id.compareTo(other.id);
    }
}
