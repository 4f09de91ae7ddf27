package dev.credreport.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds one CSV row of a credential report by column name, from a user with no credentials at all. */
public final class ReportRow {
    private final Map<String, String> cells = new LinkedHashMap<>();

    private ReportRow(String user, String arn) {
        for (String column : SampleReports.HEADER.split(",")) {
            cells.put(column, column.endsWith("_active") || column.equals("password_enabled") ? "false" : "N/A");
        }
        cells.put("user", user);
        cells.put("arn", arn);
        cells.put("user_creation_time", "2024-01-01T00:00:00+00:00");
    }

    /** An IAM user created 2024-01-01 with no password, MFA, keys or certificates. */
    public static ReportRow user(String name) {
        return new ReportRow(name, "arn:aws:iam::123456789012:user/" + name);
    }

    /** The root user as AWS reports it: MFA on, password columns not_supported, never used. */
    public static ReportRow root() {
        return new ReportRow("<root_account>", "arn:aws:iam::123456789012:root")
                .set("password_enabled", "not_supported")
                .set("password_last_used", "no_information")
                .set("password_last_changed", "not_supported")
                .set("password_next_rotation", "not_supported")
                .set("mfa_active", "true");
    }

    public ReportRow set(String column, String value) {
        if (!cells.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column);
        }
        cells.put(column, value);
        return this;
    }

    public ReportRow password(String lastUsed, String lastChanged) {
        return set("password_enabled", "true").set("password_last_used", lastUsed).set("password_last_changed", lastChanged);
    }

    public ReportRow mfa(boolean active) {
        return set("mfa_active", Boolean.toString(active));
    }

    /** A key in slot 1 or 2: active or not, created at {@code rotated}, last used at {@code used} (or N/A). */
    public ReportRow key(int slot, boolean active, String rotated, String used) {
        String prefix = "access_key_" + slot + "_";
        set(prefix + "active", Boolean.toString(active)).set(prefix + "last_rotated", rotated).set(prefix + "last_used_date", used);
        if (!used.equals("N/A")) {
            set(prefix + "last_used_region", "us-east-1").set(prefix + "last_used_service", "s3");
        }
        return this;
    }

    public ReportRow certificate(int slot, boolean active, String rotated) {
        return set("cert_" + slot + "_active", Boolean.toString(active)).set("cert_" + slot + "_last_rotated", rotated);
    }

    @Override
    public String toString() {
        StringBuilder row = new StringBuilder();
        for (String value : cells.values()) {
            if (row.length() > 0) {
                row.append(',');
            }
            row.append(value.contains(",") ? "\"" + value.replace("\"", "\"\"") + "\"" : value);
        }
        return row.toString();
    }
}
