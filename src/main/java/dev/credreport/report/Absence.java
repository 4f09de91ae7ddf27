package dev.credreport.report;

import java.util.Optional;

/** The tokens a credential report writes where a column holds no value, kept so that nothing the CSV said is lost. */
public enum Absence {
    /** {@code N/A}: no password, no such key or certificate, a key never used, a global service's region. */
    NOT_APPLICABLE("N/A"),
    /** {@code no_information}: a password never used, or not since tracking began in 2014. */
    NO_INFORMATION("no_information"),
    /** {@code not_supported}: the root user's password columns, and some emulators' filler. */
    NOT_SUPPORTED("not_supported");

    private final String token;

    Absence(String token) {
        this.token = token;
    }

    /** The exact text AWS writes for this absence. */
    public String token() {
        return token;
    }

    public static Optional<Absence> fromToken(String text) {
        return Optional.ofNullable(of(text));
    }

    /** The absence a cell's text stands for, or null for a value; called for every cell, so no allocation. */
    static Absence of(String text) {
        // Asked of most cells of every row: the length rules out times and names without hashing them.
        switch (text.length()) {
            case 3: return text.equals("N/A") ? NOT_APPLICABLE : null;
            case 13: return text.equals("not_supported") ? NOT_SUPPORTED : null;
            case 14: return text.equals("no_information") ? NO_INFORMATION : null;
            default: return null;
        }
    }
}
