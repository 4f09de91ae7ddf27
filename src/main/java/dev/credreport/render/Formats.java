package dev.credreport.render;

import dev.credreport.audit.AccountAudit;
import dev.credreport.diff.DiffResult;
import dev.credreport.fix.Plan;
import dev.credreport.report.ReportInput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats of one kind of result, in the order help lists them. Adding a format is one class
 * and one line here. Each kind's list is built the first time it is asked for, so that a command
 * loads only its own formats.
 */
public final class Formats<F extends Format<?>> {
    private final String kind;
    private final List<F> formats;

    private Formats(String kind, List<F> formats) {
        this.kind = kind;
        this.formats = List.copyOf(formats);
    }

    /** The formats of fetch: one report, or many accounts' reports as one document. */
    public static Formats<AccountsFormat<ReportInput>> reports() {
        return Reports.ALL;
    }

    /** The formats of audit. */
    public static Formats<AccountsFormat<AccountAudit>> audits() {
        return Audits.ALL;
    }

    /** The formats of diff. */
    public static Formats<Format<DiffResult>> diffs() {
        return Diffs.ALL;
    }

    /** The formats of audit --list-rules. */
    public static Formats<Format<RuleList>> ruleLists() {
        return RuleLists.ALL;
    }

    /** The formats of fix plan's printed plan. */
    public static Formats<Format<Plan>> plans() {
        return Plans.ALL;
    }

    private static final class Plans {
        static final Formats<Format<Plan>> ALL = new Formats<>("plan",
                List.of(PlanRenderer.TABLE, PlanRenderer.MARKDOWN, PlanRenderer.JSON));
    }

    private static final class Reports {
        static final Formats<AccountsFormat<ReportInput>> ALL = new Formats<>("report",
                List.of(new TableRenderer(), new RawCsvRenderer(), new BlocksRenderer(), new JsonRenderer()));
    }

    private static final class Audits {
        static final Formats<AccountsFormat<AccountAudit>> ALL = new Formats<>("audit",
                List.of(new FindingsTableRenderer(), new FindingsJsonRenderer(), new FindingsCsvRenderer(),
                        new SarifRenderer(), new AsffRenderer()));
    }

    private static final class Diffs {
        static final Formats<Format<DiffResult>> ALL = new Formats<>("diff",
                List.of(new DiffTableRenderer(), new DiffJsonRenderer(), new DiffCsvRenderer()));
    }

    private static final class RuleLists {
        static final Formats<Format<RuleList>> ALL = new Formats<>("rule list",
                List.of(RuleListRenderer.TABLE, RuleListRenderer.JSON, RuleListRenderer.CSV));
    }

    /** The format named so, in any case; the AWS CLI's {@code text} is csv, as users of the AWS CLI type it by habit. */
    public Optional<F> find(String typed) {
        String name = typed.strip().toLowerCase(Locale.ROOT);
        String wanted = name.equals("text") ? "csv" : name;
        return formats.stream().filter(format -> format.name().equals(wanted)).findFirst();
    }

    /** The format named so; the named format must be one of this kind's (a table and a csv every kind has). */
    public F named(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no " + kind + " format " + name));
    }

    /**
     * What a command writes when no --format is given: the format for people on a terminal, csv
     * (the data, for pipes and files) otherwise.
     */
    public F byDefault(boolean terminal) {
        return terminal ? formats.stream().filter(Format::forPeople).findFirst().orElseThrow() : named("csv");
    }

    /** The names, in order, as users type them. */
    public List<String> names() {
        return formats.stream().map(Format::name).toList();
    }

    /** The names joined for a message: "table, csv, blocks or json". */
    public String choices() {
        List<String> names = names();
        return names.size() == 1 ? names.get(0)
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + names.get(names.size() - 1);
    }
}
