package dev.credreport.cli;

import dev.credreport.core.CredreportException;
import picocli.CommandLine.Option;

/** --owner-tag: which IAM tag names each user's owner (audit and report). */
class OwnerOptions {
    /** IAM's longest tag key. */
    static final int MAX_TAG_KEY = 128;

    @Option(names = "--owner-tag", paramLabel = "NAME", order = 20,
            description = "Read each user's IAM tags (iam:ListUserTags, every page, a few users at a time, retried "
                    + "while throttled) and show the value of the tag NAME (for example owner or team; case-sensitive, "
                    + "as IAM stores keys) as the owner of every finding and user row, in every format: an owner line "
                    + "in the table, an owner column in csv, an owner field in JSON, properties.owner in SARIF, "
                    + "ProductFields credreport/Owner in ASFF, an Owner column on the page. Users without the tag, "
                    + "the root user and findings about the whole account are 'no owner'. With --org, --accounts or "
                    + "--accounts-file the tags are read in each account through its role. Needs iam:ListUserTags: "
                    + "when it is denied the run fails with exit 4 naming it. Not with --input: a saved report's "
                    + "users may not be this account's.")
    String ownerTag;

    boolean active() {
        return ownerTag != null;
    }

    /** Checks the tag name and that the report comes from AWS, before any AWS call. */
    void check(ReportSourceOptions source) {
        if (ownerTag == null) {
            return;
        }
        if (ownerTag.isBlank() || ownerTag.length() > MAX_TAG_KEY) {
            throw CredreportException.usage("--owner-tag takes an IAM tag key of 1 to " + MAX_TAG_KEY
                    + " characters, such as owner or team");
        }
        if (source.input != null) {
            throw CredreportException.usage("--owner-tag reads the users' tags from AWS, so it cannot be used with "
                    + "--input (a saved report's users may not be this account's): leave out --input to fetch the "
                    + "report, or leave out --owner-tag");
        }
    }
}
