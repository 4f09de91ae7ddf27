package dev.credreport.cli;

import dev.credreport.render.AuditFormat;
import dev.credreport.render.DiffFormat;
import dev.credreport.render.OutputFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads --format (and --output, its AWS CLI name) in any case, taking the AWS CLI's {@code text}
 * for csv: users of the AWS CLI type {@code --output text} and {@code --output json} by habit.
 */
abstract class FormatConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> formats;

    FormatConverter(Class<E> formats) {
        this.formats = formats;
    }

    @Override
    public E convert(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (name.equals("TEXT")) {
            name = "CSV";
        }
        try {
            return Enum.valueOf(formats, name);
        } catch (IllegalArgumentException e) {
            String known = Arrays.stream(formats.getEnumConstants())
                    .map(format -> format.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            // --output is a format, as in the AWS CLI; a file name there was meant for -o.
            String file = value.contains(".") || value.contains("/") ? "; to write to a file, use -o " + value : "";
            throw new TypeConversionException("'" + value + "' is not a format: use one of " + known
                    + " (text is the same as csv)" + file);
        }
    }

    static final class ForReports extends FormatConverter<OutputFormat> {
        ForReports() {
            super(OutputFormat.class);
        }
    }

    static final class ForAudits extends FormatConverter<AuditFormat> {
        ForAudits() {
            super(AuditFormat.class);
        }
    }

    static final class ForDiffs extends FormatConverter<DiffFormat> {
        ForDiffs() {
            super(DiffFormat.class);
        }
    }

    /** The names a shell completes for a format option: lower case, as users type them. */
    abstract static class Names<E extends Enum<E>> implements Iterable<String> {
        private final Class<E> formats;

        Names(Class<E> formats) {
            this.formats = formats;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(formats.getEnumConstants()).map(format -> format.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }

    static final class ReportNames extends Names<OutputFormat> {
        ReportNames() {
            super(OutputFormat.class);
        }
    }

    static final class AuditNames extends Names<AuditFormat> {
        AuditNames() {
            super(AuditFormat.class);
        }
    }

    static final class DiffNames extends Names<DiffFormat> {
        DiffNames() {
            super(DiffFormat.class);
        }
    }
}
