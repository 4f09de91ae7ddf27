package dev.credreport.cli;

import dev.credreport.audit.ControlTable;
import dev.credreport.audit.rules.Rules;
import java.util.Iterator;

/** What a shell completes for options whose values are a fixed list. Asked for only when completion is made. */
final class Candidates {
    private Candidates() {
    }

    /** The CIS AWS Foundations Benchmark versions --cis-version takes. */
    static final class CisVersions implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ControlTable.CIS_VERSIONS.iterator();
        }
    }

    /** The rule ids --rules and --skip-rules take. */
    static final class RuleIds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Rules.all().stream().map(rule -> rule.info().id()).iterator();
        }
    }
}
