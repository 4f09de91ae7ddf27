package dev.credreport.report;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns credreport knows, in the order AWS writes them, with the labels the blocks format
 * prints. Reports are read by column name, so an unknown column is carried through and a known one
 * may stand anywhere.
 */
public enum Column {
    USER("user", "User", ValueKind.TEXT, true),
    ARN("arn", "ARN", ValueKind.TEXT, true),
    USER_CREATION_TIME("user_creation_time", "Creation Time", ValueKind.TIME, true),
    PASSWORD_ENABLED("password_enabled", "Password Enabled", ValueKind.BOOLEAN, true),
    PASSWORD_LAST_USED("password_last_used", "Password Last Used", ValueKind.TIME, true),
    PASSWORD_LAST_CHANGED("password_last_changed", "Password Last Changed", ValueKind.TIME, true),
    PASSWORD_NEXT_ROTATION("password_next_rotation", "Password Next Rotation", ValueKind.TIME, true),
    MFA_ACTIVE("mfa_active", "MFA Active", ValueKind.BOOLEAN, true),
    ACCESS_KEY_1_ACTIVE("access_key_1_active", "Access Key 1 Active", ValueKind.BOOLEAN, true),
    ACCESS_KEY_1_LAST_ROTATED("access_key_1_last_rotated", "Access Key 1 Last Rotated", ValueKind.TIME, true),
    ACCESS_KEY_1_LAST_USED_DATE("access_key_1_last_used_date", "Access Key 1 Last Used Date", ValueKind.TIME, true),
    ACCESS_KEY_1_LAST_USED_REGION("access_key_1_last_used_region", "Access Key 1 Last Used Region", ValueKind.TEXT, true),
    // The _last_used_service columns came later than the others; older saved reports lack them.
    ACCESS_KEY_1_LAST_USED_SERVICE("access_key_1_last_used_service", "Access Key 1 Last Used Service", ValueKind.TEXT, false),
    ACCESS_KEY_2_ACTIVE("access_key_2_active", "Access Key 2 Active", ValueKind.BOOLEAN, true),
    ACCESS_KEY_2_LAST_ROTATED("access_key_2_last_rotated", "Access Key 2 Last Rotated", ValueKind.TIME, true),
    ACCESS_KEY_2_LAST_USED_DATE("access_key_2_last_used_date", "Access Key 2 Last Used Date", ValueKind.TIME, true),
    ACCESS_KEY_2_LAST_USED_REGION("access_key_2_last_used_region", "Access Key 2 Last Used Region", ValueKind.TEXT, true),
    ACCESS_KEY_2_LAST_USED_SERVICE("access_key_2_last_used_service", "Access Key 2 Last Used Service", ValueKind.TEXT, false),
    CERT_1_ACTIVE("cert_1_active", "Cert 1 Active", ValueKind.BOOLEAN, true),
    CERT_1_LAST_ROTATED("cert_1_last_rotated", "Cert 1 Last Rotated", ValueKind.TIME, true),
    CERT_2_ACTIVE("cert_2_active", "Cert 2 Active", ValueKind.BOOLEAN, true),
    CERT_2_LAST_ROTATED("cert_2_last_rotated", "Cert 2 Last Rotated", ValueKind.TIME, true);

    private static final Map<String, Column> BY_NAME = new HashMap<>();

    static {
        for (Column column : values()) {
            BY_NAME.put(column.columnName, column);
        }
    }

    private final String columnName;
    private final String label;
    private final ValueKind kind;
    private final boolean required;

    Column(String columnName, String label, ValueKind kind, boolean required) {
        this.columnName = columnName;
        this.label = label;
        this.kind = kind;
        this.required = required;
    }

    /** The name in the report's header line. */
    public String columnName() {
        return columnName;
    }

    /** The label of the blocks format. */
    public String label() {
        return label;
    }

    public ValueKind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    public static Optional<Column> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** A label for a column credreport does not know: {@code access_key_3_active} becomes {@code Access Key 3 Active}. */
    public static String labelFor(String columnName) {
        return Column.byName(columnName).map(Column::label).orElseGet(() -> titleCase(columnName));
    }

    private static String titleCase(String name) {
        StringBuilder label = new StringBuilder();
        for (String word : name.split("_")) {
            if (word.isEmpty()) {
                continue;
            }
            if (label.length() > 0) {
                label.append(' ');
            }
            label.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return label.length() > 0 ? label.toString() : name;
    }
}
