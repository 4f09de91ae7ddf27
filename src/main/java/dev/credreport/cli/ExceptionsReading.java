package dev.credreport.cli;

import dev.credreport.audit.AuditResult;
import dev.credreport.audit.Auditor;
import dev.credreport.audit.ExceptionEntry;
import dev.credreport.audit.Exceptions;
import dev.credreport.audit.Rule;
import dev.credreport.audit.rules.Rules;
import dev.credreport.report.UntrustedText;
import dev.credreport.source.ReportSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the exceptions file a command was given (--exceptions or CREDREPORT_EXCEPTIONS) and tells how its entries stand. */
final class ExceptionsReading {
    private ExceptionsReading() {
    }

    /** The file, read and checked (exit 2 on a refused entry), or {@link Exceptions#none()}. */
    static Exceptions read(RuleOptions rules, AwsConnectionOptions aws, Environment environment) {
        String file = rules.exceptionsFile(environment);
        if (file == null) {
            return Exceptions.none();
        }
        String text = ReportSource.savedText(file, "--exceptions", () -> aws.s3Settings(environment));
        return Exceptions.parse(file, text, Rules.all().stream().map(Rule::info).toList(), rules.maxExceptionDays,
                environment.clock());
    }

    /** The auditor with the exceptions file applied. */
    static Auditor apply(Auditor auditor, RuleOptions rules, AwsConnectionOptions aws, Environment environment) {
        return auditor.withExceptions(read(rules, aws, environment), environment.clock());
    }

    /**
     * Notes, one per line, on entries that expired, expire soon, or matched nothing in the audits
     * given (stale). An expired entry that still matched is noted on its findings too.
     */
    static List<String> notes(Exceptions exceptions, Collection<AuditResult> audits, RuleOptions rules,
            Environment environment) {
        List<ExceptionEntry> used = new ArrayList<>();
        audits.forEach(result -> used.addAll(result.exceptionsMatched()));
        return notes(exceptions, used, rules.exceptionWarnDays, environment);
    }

    static List<String> notes(Exceptions exceptions, List<ExceptionEntry> used, int warnDays, Environment environment) {
        List<String> notes = new ArrayList<>();
        for (ExceptionEntry entry : exceptions.entries()) {
            switch (entry.state(environment.clock(), warnDays)) {
                case EXPIRED -> notes.add(entry.dateUnreadable() ? unreadable(entry)
                        : "exception expired: " + UntrustedText.escape(entry.label()) + "; its findings count again");
                case EXPIRING_SOON -> notes.add("exception expiring soon: " + UntrustedText.escape(entry.label()));
                default -> { }
            }
        }
        for (ExceptionEntry entry : exceptions.stale(used)) {
            notes.add("exception stale (matched no finding): " + UntrustedText.escape(entry.label()) + "; remove it from the file");
        }
        return notes;
    }

    /** The notes on entries whose expiry is no date, for a command that tells no other note on them (report). */
    static List<String> unreadable(Exceptions exceptions) {
        return exceptions.entries().stream().filter(ExceptionEntry::dateUnreadable).map(ExceptionsReading::unreadable).toList();
    }

    /** The note on an entry whose expiry is no date: it counts as expired, so its findings count again. */
    static String unreadable(ExceptionEntry entry) {
        return "exception " + UntrustedText.escape(entry.source()) + " line " + entry.line() + ": expires "
                + UntrustedText.quote(entry.expiresText()) + " is not a date (YYYY-MM-DD), so it counts as expired "
                + "and its findings count again";
    }

    static void tell(List<String> notes, PrintWriter err, boolean quiet) {
        if (!quiet) {
            notes.forEach(note -> err.println("credreport: note: " + note));
        }
    }
}
