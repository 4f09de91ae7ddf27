package dev.credreport.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that maps each rule to the items it checks in every CIS AWS Foundations Benchmark
 * version in use, in AWS Security Hub and in AWS Config.
 *
 * <p>Where the numbers come from (checked 2026-11-21):
 * <ul>
 * <li>CIS 1.4.0 to 7.0.0: the benchmark texts as carried by prowler's compliance files
 *     (github.com/prowler-cloud/prowler, prowler/compliance/aws/cis_1.4_aws.json, cis_1.5, cis_2.0,
 *     cis_3.0, cis_4.0 (version 4.0.1), cis_5.0, cis_6.0, cis_7.0 at commit 3e000faa). Their cis_5.0 file
 *     numbers the initial-setup item "1.1", a typo for 1.10: it stands between 1.9 and 1.11 and 1.1
 *     is "Maintain current contact details" there.</li>
 * <li>CIS 1.2.0: the benchmark's IAM section as Security Hub published it (securityhub-cis-controls
 *     1.1 to 1.22, e.g. as mirrored in JupiterOne/security-policy-templates
 *     templates/standards/cis-aws-foundations.json): 1.1 root use, 1.2 console MFA, 1.3 unused 90
 *     days, 1.4 rotation, 1.12 root key, 1.13 root MFA, 1.14 root hardware MFA, 1.21 no keys at setup.
 *     1.2.0 has no single-active-key or central-management item.</li>
 * <li>Security Hub: the AWS Foundational Security Best Practices IAM controls (docs.aws.amazon.com/securityhub,
 *     and prowler's aws_foundational_security_best_practices_aws.json): IAM.3 rotation 90 days, IAM.4 root key,
 *     IAM.5 console MFA, IAM.6 root hardware MFA, IAM.8 unused 90 days, IAM.9 root MFA, IAM.22 unused 45 days.</li>
 * <li>AWS Config managed rules: the "Operational Best Practices for CIS AWS v1.4" conformance packs
 *     (awslabs/aws-config-rules): iam-root-access-key-check, root-account-mfa-enabled,
 *     mfa-enabled-for-iam-console-access, iam-user-unused-credentials-check, access-keys-rotated,
 *     root-account-hardware-mfa-enabled. The packs' process checks (iam-user-single-access-key, ...)
 *     are not managed rules and are left out.</li>
 * </ul>
 *
 * <pre>
 * rule                          1.2.0        1.4.0-4.0.1 5.0.0 6.0.0 7.0.0  Security Hub          Config
 * root-access-key-active        1.12         1.4         1.3   2.3   2.4    IAM.4                 iam-root-access-key-check
 * root-no-mfa                   1.13         1.5         1.4   2.4   2.5    IAM.9                 root-account-mfa-enabled
 * root-recently-used            1.1          1.7         1.6   2.6   2.7    -                     -
 * console-without-mfa           1.2          1.10        1.9   2.9   2.10   IAM.5                 mfa-enabled-for-iam-console-access
 * credentials-unused            1.3 (90d)    1.12        1.11  2.11  2.11   IAM.22, IAM.8 (90d)   iam-user-unused-credentials-check
 * access-key-not-rotated        1.4          1.14        1.13  2.13  2.12   IAM.3                 access-keys-rotated
 * multiple-active-access-keys   -            1.13        1.12  2.12  -      -                     -
 * access-key-created-at-setup   1.21         1.11        1.10  2.10  -      -                     -
 * iam-users-instead-of-...      -            1.21        1.20  2.20  2.19   -                     -
 * (not covered) root hardware   1.14         1.6         1.5   2.5   2.6    IAM.6                 root-account-hardware-mfa-enabled
 * </pre>
 */
public final class ControlTable {
    /** The CIS AWS Foundations Benchmark versions mapped, oldest first. */
    public static final List<String> CIS_VERSIONS =
            List.of("1.2.0", "1.4.0", "1.5.0", "2.0.0", "3.0.0", "4.0.1", "5.0.0", "6.0.0", "7.0.0");

    /** The version shown when --cis-version is not given. */
    public static final String LATEST_CIS = CIS_VERSIONS.get(CIS_VERSIONS.size() - 1);

    /** An item of a standard that no rule can judge from a credential report, and why. */
    public record Uncovered(String title, String reason, List<Control> controls) {
        public Uncovered {
            controls = List.copyOf(controls);
        }
    }

    private static final Map<String, List<Control>> BY_RULE = new LinkedHashMap<>();
    private static final List<Uncovered> UNCOVERED;

    static {
        // CIS ids in the order of CIS_VERSIONS: 1.2.0, 1.4.0, 1.5.0, 2.0.0, 3.0.0, 4.0.1, 5.0.0, 6.0.0, 7.0.0.
        rule("root-access-key-active", cis("1.12", "1.4", "1.4", "1.4", "1.4", "1.4", "1.3", "2.3", "2.4"),
                Control.securityHub("IAM.4"), Control.config("iam-root-access-key-check"));
        rule("root-no-mfa", cis("1.13", "1.5", "1.5", "1.5", "1.5", "1.5", "1.4", "2.4", "2.5"),
                Control.securityHub("IAM.9"), Control.config("root-account-mfa-enabled"));
        rule("root-recently-used", cis("1.1", "1.7", "1.7", "1.7", "1.7", "1.7", "1.6", "2.6", "2.7"));
        rule("root-signing-certificate-active", cis(null, null, null, null, null, null, null, null, null));
        rule("console-without-mfa", cis("1.2", "1.10", "1.10", "1.10", "1.10", "1.10", "1.9", "2.9", "2.10"),
                Control.securityHub("IAM.5"), Control.config("mfa-enabled-for-iam-console-access"));
        List<Control> unused = cis("1.3", "1.12", "1.12", "1.12", "1.12", "1.12", "1.11", "2.11", "2.11");
        unused.set(0, unused.get(0).withNote("90 days"));
        rule("credentials-unused", unused, Control.securityHub("IAM.22"), Control.securityHub("IAM.8").withNote("90 days"),
                Control.config("iam-user-unused-credentials-check"));
        rule("access-key-not-rotated", cis("1.4", "1.14", "1.14", "1.14", "1.14", "1.14", "1.13", "2.13", "2.12"),
                Control.securityHub("IAM.3"), Control.config("access-keys-rotated"));
        rule("multiple-active-access-keys", cis(null, "1.13", "1.13", "1.13", "1.13", "1.13", "1.12", "2.12", null));
        rule("access-key-created-at-setup", cis("1.21", "1.11", "1.11", "1.11", "1.11", "1.11", "1.10", "2.10", null));
        rule("password-past-rotation", cis(null, null, null, null, null, null, null, null, null));
        rule("signing-certificate-not-rotated", cis(null, null, null, null, null, null, null, null, null));
        rule("iam-users-instead-of-identity-center", cis(null, "1.21", "1.21", "1.21", "1.21", "1.21", "1.20", "2.20", "2.19"));

        List<Control> hardware = cis("1.14", "1.6", "1.6", "1.6", "1.6", "1.6", "1.5", "2.5", "2.6");
        hardware.add(Control.securityHub("IAM.6"));
        hardware.add(Control.config("root-account-hardware-mfa-enabled"));
        UNCOVERED = List.of(new Uncovered("Root user has a hardware MFA device",
                "the report says whether root has MFA, not which kind; 'aws iam list-virtual-mfa-devices' "
                        + "(permission iam:ListVirtualMFADevices) shows root's virtual device as ':mfa/root-account-mfa-device'",
                hardware));
    }

    private ControlTable() {
    }

    /** Every control the rule checks: its CIS item in each version that has one, then Security Hub, then Config. */
    public static List<Control> forRule(String ruleId) {
        List<Control> controls = BY_RULE.get(ruleId);
        if (controls == null) {
            throw new IllegalArgumentException("no controls are mapped for the rule " + ruleId);
        }
        return controls;
    }

    /** The rules the table maps, in its order. */
    public static Set<String> ruleIds() {
        return Collections.unmodifiableSet(BY_RULE.keySet());
    }

    /** What the benchmarks ask that a credential report cannot tell. */
    public static List<Uncovered> uncovered() {
        return UNCOVERED;
    }

    /**
     * The version as given, if it is one the table maps.
     *
     * @throws IllegalArgumentException naming the versions there are
     */
    public static String checkCisVersion(String version) {
        if (!CIS_VERSIONS.contains(version)) {
            throw new IllegalArgumentException("no CIS AWS Foundations Benchmark version '" + version
                    + "' is mapped; the versions are: " + String.join(", ", CIS_VERSIONS));
        }
        return version;
    }

    /** The controls to show for one CIS version: that version's item, then Security Hub and Config. */
    public static List<Control> shown(List<Control> controls, String cisVersion) {
        return controls.stream().filter(control -> !control.isCis() || control.version().equals(cisVersion)).toList();
    }

    private static List<Control> cis(String... ids) {
        if (ids.length != CIS_VERSIONS.size()) {
            throw new IllegalStateException("one CIS id (or null) per version: " + java.util.Arrays.toString(ids));
        }
        List<Control> controls = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != null) {
                controls.add(Control.cis(CIS_VERSIONS.get(i), ids[i]));
            }
        }
        return controls;
    }

    private static void rule(String ruleId, List<Control> cis, Control... others) {
        List<Control> controls = new ArrayList<>(cis);
        controls.addAll(List.of(others));
        Set<String> seen = new HashSet<>();
        for (Control control : controls) {
            if (!seen.add(control.standard() + " " + control.version() + " " + control.id())) {
                throw new IllegalStateException(ruleId + " maps to " + control.label() + " twice");
            }
        }
        if (BY_RULE.put(ruleId, List.copyOf(controls)) != null) {
            throw new IllegalStateException("two rows for " + ruleId);
        }
    }
}
