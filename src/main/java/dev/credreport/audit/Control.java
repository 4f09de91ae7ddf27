package dev.credreport.audit;

import java.util.Objects;

/**
 * One item of a standard that a rule checks: a CIS AWS Foundations Benchmark recommendation in one
 * version, an AWS Security Hub control, or an AWS Config managed rule.
 *
 * @param standard {@link #CIS}, {@link #SECURITY_HUB} or {@link #CONFIG}
 * @param version the benchmark version for CIS ({@code 5.0.0}), null for the others
 * @param id the item as the standard numbers or names it ({@code 1.4}, {@code IAM.9}, {@code root-account-mfa-enabled})
 * @param note where the standard's item differs from the rule (a threshold), else null
 */
public record Control(String standard, String version, String id, String note) {
    public static final String CIS = "CIS AWS Foundations Benchmark";
    public static final String SECURITY_HUB = "AWS Security Hub";
    public static final String CONFIG = "AWS Config";

    public Control {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(id, "id");
        if (!standard.equals(CIS) && !standard.equals(SECURITY_HUB) && !standard.equals(CONFIG)) {
            throw new IllegalArgumentException("unknown standard: " + standard);
        }
        if (standard.equals(CIS) != (version != null)) {
            throw new IllegalArgumentException("a version is given for CIS controls and only for them: " + standard + " " + id);
        }
        if (version != null && !version.matches("[0-9]+\\.[0-9]+\\.[0-9]+")) {
            throw new IllegalArgumentException("CIS versions have three parts: " + version);
        }
        if (standard.equals(CIS) && !id.matches("[1-9][0-9]*(\\.[1-9][0-9]*)+")) {
            throw new IllegalArgumentException("not a CIS recommendation number: " + id);
        }
        if (standard.equals(SECURITY_HUB) && !id.matches("[A-Z][A-Za-z0-9]*\\.[1-9][0-9]*")) {
            throw new IllegalArgumentException("not a Security Hub control id: " + id);
        }
        if (standard.equals(CONFIG) && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("not an AWS Config rule name: " + id);
        }
        if (note != null && note.isBlank()) {
            throw new IllegalArgumentException("a note says something or is null");
        }
    }

    public static Control cis(String version, String id) {
        return new Control(CIS, version, id, null);
    }

    public static Control securityHub(String id) {
        return new Control(SECURITY_HUB, null, id, null);
    }

    public static Control config(String id) {
        return new Control(CONFIG, null, id, null);
    }

    public Control withNote(String text) {
        return new Control(standard, version, id, text);
    }

    public boolean isCis() {
        return standard.equals(CIS);
    }

    /** Short, for people: {@code CIS 5.0.0 1.4}, {@code Security Hub IAM.8 (90 days)}, {@code Config root-account-mfa-enabled}. */
    public String label() {
        String label = switch (standard) {
            case CIS -> "CIS " + version + " " + id;
            case SECURITY_HUB -> "Security Hub " + id;
            default -> "Config " + id;
        };
        return note == null ? label : label + " (" + note + ")";
    }
}
