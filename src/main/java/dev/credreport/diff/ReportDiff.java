package dev.credreport.diff;

import dev.credreport.core.CredreportException;
import dev.credreport.report.AccessKey;
import dev.credreport.report.Column;
import dev.credreport.report.ReportRows;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportValue;
import dev.credreport.report.SigningCertificate;
import dev.credreport.report.UserCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares two reports of one account. Users are matched by ARN; a user deleted and created again
 * under the same name (a new creation time) is a removal and an addition.
 */
public final class ReportDiff {
    private final List<Change> changes = new ArrayList<>();

    private ReportDiff() {
    }

    /**
     * @throws CredreportException exit 2 for reports of different accounts unless allowed, exit 7 for unreadable ones
     */
    public static DiffResult compare(ReportInput older, ReportInput newer, boolean allowDifferentAccounts) {
        Map<String, UserCredentials> before = read(older);
        Map<String, UserCredentials> after = read(newer);
        String oldAccount = before.values().stream().findFirst().map(UserCredentials::accountId).orElse(null);
        String newAccount = after.values().stream().findFirst().map(UserCredentials::accountId).orElse(null);
        if (oldAccount != null && newAccount != null && !oldAccount.equals(newAccount) && !allowDifferentAccounts) {
            throw CredreportException.usage("the reports are of different accounts (" + oldAccount + " and " + newAccount
                    + "); pass --allow-different-accounts to compare them anyway");
        }
        ReportDiff diff = new ReportDiff();
        diff.compareAll(before, after);
        return new DiffResult(
                new DiffResult.Side(older.name(), older.origin(), older.generatedTime().orElse(null), oldAccount),
                new DiffResult.Side(newer.name(), newer.origin(), newer.generatedTime().orElse(null), newAccount),
                diff.rootFirst());
    }

    private static Map<String, UserCredentials> read(ReportInput input) {
        Map<String, UserCredentials> users = new LinkedHashMap<>();
        try (ReportRows report = input.openReport()) {
            while (report.hasNext()) {
                UserCredentials user = report.next();
                if (users.putIfAbsent(user.arn(), user) != null) {
                    throw CredreportException.badInput(input.name() + ": line " + user.line() + ": ARN " + user.arn()
                            + " appears twice");
                }
            }
        }
        return users;
    }

    private void compareAll(Map<String, UserCredentials> before, Map<String, UserCredentials> after) {
        for (UserCredentials newUser : after.values()) {
            UserCredentials oldUser = before.get(newUser.arn());
            if (oldUser != null && oldUser.creationTime().equals(newUser.creationTime())) {
                compareUser(oldUser, newUser);
                continue;
            }
            if (oldUser != null) {
                add(oldUser, ChangeKind.USER_REMOVED, "user", oldUser.cell(oldUser.header().positionOf(Column.USER_CREATION_TIME)), "");
            }
            add(newUser, ChangeKind.USER_ADDED, "user", "", newUser.cell(newUser.header().positionOf(Column.USER_CREATION_TIME)));
            compareUser(null, newUser);
        }
        for (UserCredentials oldUser : before.values()) {
            if (!after.containsKey(oldUser.arn())) {
                add(oldUser, ChangeKind.USER_REMOVED, "user", oldUser.cell(oldUser.header().positionOf(Column.USER_CREATION_TIME)), "");
            }
        }
    }

    /** Root first, then the order they were found in: new report's order, then removed users. */
    private List<Change> rootFirst() {
        List<Change> ordered = new ArrayList<>();
        changes.stream().filter(Change::root).forEach(ordered::add);
        changes.stream().filter(change -> !change.root()).forEach(ordered::add);
        return ordered;
    }

    /** Compares one user; {@code before} is null for a user that is new. */
    private void compareUser(UserCredentials before, UserCredentials after) {
        boolean wasEnabled = before != null && before.password().isEnabled();
        if (!wasEnabled && after.password().isEnabled()) {
            add(after, ChangeKind.PASSWORD_ENABLED, "password", before == null ? "" : cell(before, Column.PASSWORD_ENABLED),
                    cell(after, Column.PASSWORD_ENABLED));
        } else if (wasEnabled && !after.password().isEnabled()) {
            add(after, ChangeKind.PASSWORD_DISABLED, "password", cell(before, Column.PASSWORD_ENABLED),
                    cell(after, Column.PASSWORD_ENABLED));
        } else if (wasEnabled && changed(before.password().lastChanged(), after.password().lastChanged())) {
            add(after, ChangeKind.PASSWORD_CHANGED, "password", cell(before, Column.PASSWORD_LAST_CHANGED),
                    cell(after, Column.PASSWORD_LAST_CHANGED));
        }
        compareUse(before == null ? null : before.password().lastUsed(), after.password().lastUsed(), after, "password",
                ChangeKind.PASSWORD_FIRST_USED, ChangeKind.PASSWORD_USED);

        boolean hadMfa = before != null && before.hasMfa();
        if (!hadMfa && after.hasMfa()) {
            add(after, ChangeKind.MFA_ACTIVATED, "MFA", before == null ? "" : cell(before, Column.MFA_ACTIVE), "true");
        } else if (hadMfa && Boolean.FALSE.equals(after.mfaActive().value())) {
            add(after, ChangeKind.MFA_DEACTIVATED, "MFA", "true", "false");
        }

        for (int slot = 1; slot <= 2; slot++) {
            compareKey(before == null ? null : before.accessKeys().get(slot - 1), after.accessKeys().get(slot - 1), after);
            compareCertificate(before == null ? null : before.certificates().get(slot - 1), after.certificates().get(slot - 1), after);
        }
    }

    private void compareKey(AccessKey before, AccessKey after, UserCredentials user) {
        String subject = "access key " + after.slot();
        boolean existed = before != null && before.exists();
        boolean sameKey = existed && after.exists() && Objects.equals(before.lastRotated().value(), after.lastRotated().value());
        if (!existed && after.exists()) {
            add(user, ChangeKind.KEY_CREATED, subject, "", describe(after.lastRotated(), after.isActive()));
        } else if (existed && !after.exists()) {
            add(user, ChangeKind.KEY_REMOVED, subject, describe(before.lastRotated(), before.isActive()), "");
            return;
        } else if (existed && !sameKey) {
            add(user, ChangeKind.KEY_ROTATED, subject, describe(before.lastRotated(), before.isActive()),
                    describe(after.lastRotated(), after.isActive()));
        } else if (sameKey && before.isActive() != after.isActive()) {
            add(user, after.isActive() ? ChangeKind.KEY_ACTIVATED : ChangeKind.KEY_DEACTIVATED, subject,
                    Boolean.toString(before.isActive()), Boolean.toString(after.isActive()));
        }
        if (!after.exists()) {
            return;
        }
        AccessKey previous = sameKey ? before : null;
        compareUse(previous == null ? null : previous.lastUsedDate(), after.lastUsedDate(), user, subject,
                ChangeKind.KEY_FIRST_USED, ChangeKind.KEY_USED);
        if (previous != null && previous.lastUsedDate().isPresent()) {
            compareWhere(previous.lastUsedRegion(), after.lastUsedRegion(), user, subject, ChangeKind.KEY_NEW_REGION);
            compareWhere(previous.lastUsedService(), after.lastUsedService(), user, subject, ChangeKind.KEY_NEW_SERVICE);
        }
    }

    private void compareCertificate(SigningCertificate before, SigningCertificate after, UserCredentials user) {
        String subject = "certificate " + after.slot();
        boolean existed = before != null && before.exists();
        boolean same = existed && after.exists() && Objects.equals(before.lastRotated().value(), after.lastRotated().value());
        if (!existed && after.exists()) {
            add(user, ChangeKind.CERTIFICATE_CREATED, subject, "", describe(after.lastRotated(), after.isActive()));
        } else if (existed && !after.exists()) {
            add(user, ChangeKind.CERTIFICATE_REMOVED, subject, describe(before.lastRotated(), before.isActive()), "");
        } else if (existed && !same) {
            add(user, ChangeKind.CERTIFICATE_ROTATED, subject, describe(before.lastRotated(), before.isActive()),
                    describe(after.lastRotated(), after.isActive()));
        } else if (same && before.isActive() != after.isActive()) {
            add(user, after.isActive() ? ChangeKind.CERTIFICATE_ACTIVATED : ChangeKind.CERTIFICATE_DEACTIVATED, subject,
                    Boolean.toString(before.isActive()), Boolean.toString(after.isActive()));
        }
    }

    /** A first use; for root, every later use too. */
    private void compareUse(ReportValue<Instant> before, ReportValue<Instant> after, UserCredentials user, String subject,
            ChangeKind first, ChangeKind again) {
        if (!after.isPresent()) {
            return;
        }
        if (before == null || !before.isPresent()) {
            add(user, first, subject, before == null ? "" : before.toString(), after.value().toString());
        } else if (user.isRoot() && after.value().isAfter(before.value())) {
            add(user, again, subject, before.value().toString(), after.value().toString());
        }
    }

    private void compareWhere(ReportValue<String> before, ReportValue<String> after, UserCredentials user, String subject,
            ChangeKind kind) {
        if (after.isPresent() && !after.value().equals(before.value())) {
            add(user, kind, subject, before.toString(), after.value());
        }
    }

    private static boolean changed(ReportValue<Instant> before, ReportValue<Instant> after) {
        return after.isPresent() && !after.value().equals(before.value());
    }

    private static String describe(ReportValue<Instant> created, boolean active) {
        return (created.isPresent() ? created.value().toString() : created.toString()) + (active ? " (active)" : " (inactive)");
    }

    private static String cell(UserCredentials user, Column column) {
        int position = user.header().positionOf(column);
        return position < 0 ? "" : user.cell(position);
    }

    private void add(UserCredentials user, ChangeKind kind, String subject, String before, String after) {
        changes.add(new Change(user.user(), user.arn(), user.isRoot(), kind, subject, before, after, needsALook(user, kind, after)));
    }

    /** MFA turned off, any new use or credential of root, and any new active key. */
    private static boolean needsALook(UserCredentials user, ChangeKind kind, String after) {
        switch (kind) {
            case MFA_DEACTIVATED:
            case PASSWORD_USED:
            case KEY_USED:
            case KEY_ACTIVATED:
                return true;
            case KEY_CREATED:
            case KEY_ROTATED:
                return user.isRoot() || after.endsWith("(active)");
            case PASSWORD_ENABLED:
            case PASSWORD_FIRST_USED:
            case KEY_FIRST_USED:
            case CERTIFICATE_CREATED:
            case CERTIFICATE_ROTATED:
            case CERTIFICATE_ACTIVATED:
                return user.isRoot();
            default:
                return false;
        }
    }
}
