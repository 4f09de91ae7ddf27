package dev.credreport.render;

import dev.credreport.audit.Finding;
import dev.credreport.audit.Findings;
import dev.credreport.audit.Owners;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Findings grouped by owner (--group-by owner): held in memory and ordered by owner, "no owner"
 * last, keeping audit's order (worst first) within an owner. Without grouping they stream as they come.
 */
final class ByOwner {
    private ByOwner() {
    }

    /** The findings in the order the context asks for. */
    static Findings ordered(Findings findings, RenderContext context) {
        if (!context.byOwner()) {
            return findings;
        }
        return consumer -> {
            for (Finding finding : sorted(findings)) {
                consumer.accept(finding);
            }
        };
    }

    /** Every finding, by owner; a finding without an owner counts as "no owner". */
    static List<Finding> sorted(Findings findings) throws java.io.IOException {
        List<Finding> all = new ArrayList<>();
        findings.forEach(all::add);
        all.sort(Comparator.comparing(ByOwner::owner, Owners.ORDER));
        return all;
    }

    static String owner(Finding finding) {
        return finding.owner() == null ? Owners.NO_OWNER : finding.owner();
    }
}
