package dev.credreport.audit;

import java.util.List;

/**
 * Which credential of a user a finding is about, named as the credential report's columns and the
 * exceptions file's {@code credential:} key name it; {@link #NONE} for a finding about the user or
 * the account as a whole. Each rule sets it on its findings.
 */
public enum Credential {
    ACCESS_KEY_1("access_key_1"),
    ACCESS_KEY_2("access_key_2"),
    PASSWORD("password"),
    CERT_1("cert_1"),
    CERT_2("cert_2"),
    NONE("none");

    private final String wireName;

    Credential(String wireName) {
        this.wireName = wireName;
    }

    /** The name as the report's columns and the exceptions file write it ("access_key_2"), "none" for none. */
    public String wireName() {
        return wireName;
    }

    /** The access key in a slot (1 or 2). */
    public static Credential accessKey(int slot) {
        return switch (slot) {
            case 1 -> ACCESS_KEY_1;
            case 2 -> ACCESS_KEY_2;
            default -> throw new IllegalArgumentException("no access key slot " + slot);
        };
    }

    /** The signing certificate in a slot (1 or 2). */
    public static Credential certificate(int slot) {
        return switch (slot) {
            case 1 -> CERT_1;
            case 2 -> CERT_2;
            default -> throw new IllegalArgumentException("no signing certificate slot " + slot);
        };
    }

    /** The credentials an exceptions-file entry may name: all but {@link #NONE}. */
    public static List<String> names() {
        return List.of(ACCESS_KEY_1.wireName, ACCESS_KEY_2.wireName, PASSWORD.wireName, CERT_1.wireName, CERT_2.wireName);
    }
}
