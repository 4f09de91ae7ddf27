package dev.credreport.cli;

import dev.credreport.audit.AccountAudit;
import dev.credreport.diff.DiffResult;
import dev.credreport.render.AccountsFormat;
import dev.credreport.render.Format;
import dev.credreport.render.Formats;
import dev.credreport.report.ReportInput;
import java.util.Iterator;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads --format (and --output, its AWS CLI name) against one command's {@link Formats}: any
 * case, and the AWS CLI's {@code text} for csv, as users of the AWS CLI type {@code --output text}
 * by habit. A format another command has is refused here, with the list of this command's. The
 * registry is asked for only when a value is converted, so start-up loads no format.
 */
abstract class FormatConverter<F extends Format<?>> implements ITypeConverter<F> {
    private final Supplier<Formats<F>> formats;

    FormatConverter(Supplier<Formats<F>> formats) {
        this.formats = formats;
    }

    @Override
    public F convert(String value) {
        return formats.get().find(value).orElseThrow(() -> {
            // --output is a format, as in the AWS CLI; a file name there was meant for -o.
            String file = value.contains(".") || value.contains("/") ? "; to write to a file, use -o " + value : "";
            return new TypeConversionException("'" + value + "' is not a format: use one of "
                    + String.join(", ", formats.get().names()) + " (text is the same as csv)" + file);
        });
    }

    static final class ForReports extends FormatConverter<AccountsFormat<ReportInput>> {
        ForReports() {
            super(Formats::reports);
        }
    }

    static final class ForAudits extends FormatConverter<AccountsFormat<AccountAudit>> {
        ForAudits() {
            super(Formats::audits);
        }
    }

    static final class ForDiffs extends FormatConverter<Format<DiffResult>> {
        ForDiffs() {
            super(Formats::diffs);
        }
    }

    /** The names a shell completes for a format option, as users type them. */
    abstract static class Names implements Iterable<String> {
        private final Supplier<Formats<?>> formats;

        Names(Supplier<Formats<?>> formats) {
            this.formats = formats;
        }

        @Override
        public Iterator<String> iterator() {
            return formats.get().names().iterator();
        }
    }

    static final class ReportNames extends Names {
        ReportNames() {
            super(Formats::reports);
        }
    }

    static final class AuditNames extends Names {
        AuditNames() {
            super(Formats::audits);
        }
    }

    static final class DiffNames extends Names {
        DiffNames() {
            super(Formats::diffs);
        }
    }
}
