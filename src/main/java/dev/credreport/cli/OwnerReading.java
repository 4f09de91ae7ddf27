package dev.credreport.cli;

import dev.credreport.audit.AccountAudit;
import dev.credreport.audit.Owners;
import dev.credreport.aws.AccountAccess;
import dev.credreport.aws.OwnerTags;
import dev.credreport.report.ReportInput;
import dev.credreport.report.ReportRows;
import dev.credreport.report.UserCredentials;
import java.util.ArrayList;
import java.util.List;

/** Reads --owner-tag for a report's users, in the caller's account or, over many, in each account through its role. */
final class OwnerReading {
    private OwnerReading() {
    }

    /** The report's users, root left out: root has no tags, and is nobody's. */
    static List<String> users(ReportInput report) {
        List<String> users = new ArrayList<>();
        try (ReportRows rows = report.openReport()) {
            while (rows.hasNext()) {
                UserCredentials user = rows.next();
                if (!user.isRoot()) {
                    users.add(user.user());
                }
            }
        }
        return users;
    }

    /** The owners of a report fetched with the caller's credentials. */
    static Owners read(OwnerOptions owners, ReportSourceOptions source, Environment environment, ReportInput report) {
        return OwnerTags.read(source.aws.toSettings(environment), environment.clock(), owners.ownerTag, users(report),
                OwnerTags.DEFAULT_CONCURRENCY);
    }

    /** The owners of one account's report in a run over many, with the account's role. */
    static Owners read(OwnerOptions owners, ReportSourceOptions source, Environment environment, ReportInput report,
            AccountAccess access, String account) {
        return OwnerTags.read(source.aws.toSettings(environment), access, account, owners.ownerTag, users(report),
                OwnerTags.DEFAULT_CONCURRENCY);
    }

    /** The audit with its owners when --owner-tag is given, else as it is. */
    static AccountAudit owned(AccountAudit audit, OwnerOptions owners, ReportSourceOptions source, Environment environment,
            ReportInput report, AccountAccess access, String account) {
        if (!owners.active()) {
            return audit;
        }
        return audit.withOwners(access == null ? read(owners, source, environment, report)
                : read(owners, source, environment, report, access, account));
    }
}
