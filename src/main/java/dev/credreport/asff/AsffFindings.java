package dev.credreport.asff;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Control;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Finding;
import dev.credreport.audit.Findings;
import dev.credreport.audit.Severity;
import dev.credreport.core.Lines;
import dev.credreport.report.Arns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns audit findings into ASFF findings for one Security Hub region: the account's default
 * product ({@code arn:PARTITION:securityhub:REGION:ACCOUNT:product/ACCOUNT/default}), an Id that
 * stays the same from run to run while the same credential of the same user breaks the same rule,
 * and the report's generated time (or the as-of time) as when it was observed.
 */
public final class AsffFindings {
    /** Every Id starts with this and the account, so that credreport can find its own findings again. */
    public static final String ID_PREFIX = "credreport/";
    private static final int MAX_ID = 512;
    private static final int MAX_TITLE = 256;
    private static final int MAX_DESCRIPTION = 1024;
    /**
     * The credential a finding is about, read from the start of its evidence ("access key 2 created
     * …"): the audit model does not name it on its own yet.
     */
    private static final Pattern CREDENTIAL = Pattern.compile("^(password|access key [12]|signing certificate [12])\\b");

    private final String region;
    private final Instant now;

    /**
     * @param region the Security Hub region the findings go to
     * @param now when this run made them (CreatedAt and UpdatedAt of new findings)
     */
    public AsffFindings(String region, Instant now) {
        this.region = Objects.requireNonNull(region, "region");
        this.now = Objects.requireNonNull(now, "now");
    }

    public static String productArn(String partition, String region, String accountId) {
        return "arn:" + partition + ":securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default";
    }

    /** The Id prefix of every finding credreport makes for an account. */
    public static String idPrefix(String accountId) {
        return ID_PREFIX + accountId + "/";
    }

    public List<AsffFinding> of(AuditResult result, Findings findings) throws IOException {
        List<AsffFinding> all = new ArrayList<>();
        findings.forEach(finding -> all.add(of(result, finding)));
        return all;
    }

    public AsffFinding of(AuditResult result, Finding finding) {
        String account = result.accountId() != null ? result.accountId()
                : Arns.accountId(finding.arn()).orElseThrow(() -> new IllegalStateException("no account in " + finding.arn()));
        String partition = Arns.partition(finding.arn());
        Instant observed = result.generatedTime() != null ? result.generatedTime() : result.settings().asOf();
        return new AsffFinding(
                id(account, finding),
                productArn(partition, region, account),
                finding.rule().id(),
                account,
                region,
                partition,
                Lines.cut(finding.rule().title() + ": " + (finding.aboutAccount() ? "account " + account : finding.user()), MAX_TITLE),
                Lines.cut(finding.rule().title() + ". " + (finding.aboutAccount() ? "Account " + account : "User " + finding.user()) + ": "
                        + finding.evidence() + ".", MAX_DESCRIPTION),
                label(finding.severity()),
                finding.aboutAccount() ? "AwsAccount" : "AwsIamUser",
                finding.aboutAccount() ? "AWS::::Account:" + account : finding.arn(),
                finding.arn(),
                finding.aboutAccount() ? null : finding.user(),
                requirements(finding.rule().controls()),
                finding.rule().remediation(),
                observed,
                observed,
                now,
                now,
                finding.isExcepted() ? note(finding.exception()) : null,
                finding.owner());
    }

    /** The note of a suppressed finding: the exception's reason, owner, ticket and expiry, and where it is written. */
    static String note(ExceptionEntry entry) {
        return "Accepted risk until " + entry.expiresText() + ": " + entry.reason()
                + (entry.owner() == null ? "" : " (owner " + entry.owner() + ")")
                + (entry.ticket() == null ? "" : " [" + entry.ticket() + "]")
                + " - credreport exceptions " + entry.source() + " line " + entry.line();
    }

    /** ASFF's Severity.Label: INFORMATIONAL, LOW, MEDIUM, HIGH or CRITICAL. */
    static String label(Severity severity) {
        return severity == Severity.INFO ? "INFORMATIONAL" : severity.name();
    }

    /**
     * The rule's controls as Security Hub writes related requirements: the standard (with the CIS
     * version), a '/', the item: {@code CIS AWS Foundations Benchmark v5.0.0/1.4}, {@code AWS Security Hub/IAM.9}.
     */
    static List<String> requirements(List<Control> controls) {
        List<String> requirements = new ArrayList<>();
        for (Control control : controls) {
            requirements.add(control.standard() + (control.version() == null ? "" : " v" + control.version()) + "/" + control.id());
        }
        return requirements;
    }

    static String id(String account, Finding finding) {
        String id = idPrefix(account) + finding.rule().id() + "/" + finding.arn() + "/" + credential(finding);
        if (id.length() <= MAX_ID) {
            return id;
        }
        // IAM paths can make an ARN long: a digest keeps such an Id short and still stable.
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((finding.arn() + "/" + credential(finding)).getBytes(StandardCharsets.UTF_8));
            return idPrefix(account) + finding.rule().id() + "/sha256-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** password, access-key-1, signing-certificate-2, or user for a rule about the user as a whole. */
    static String credential(Finding finding) {
        if (finding.aboutAccount()) {
            return "account";
        }
        Matcher matcher = CREDENTIAL.matcher(finding.evidence());
        return matcher.find() ? matcher.group(1).replace(' ', '-').toLowerCase(Locale.ROOT) : "user";
    }
}
