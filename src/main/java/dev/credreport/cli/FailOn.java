package dev.credreport.cli;

import dev.credreport.audit.Severity;

/** The values of --fail-on: a severity, or none to never fail. */
enum FailOn {
    CRITICAL(Severity.CRITICAL),
    HIGH(Severity.HIGH),
    MEDIUM(Severity.MEDIUM),
    LOW(Severity.LOW),
    INFO(Severity.INFO),
    NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** The least severity that fails the run, or null. */
    Severity threshold() {
        return threshold;
    }

    /** Reads --fail-on in any case; a wrong value is named with the lower-case choices the docs use. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            try {
                return FailOn.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a severity: use one of "
                        + String.join(", ", new Names()));
            }
        }
    }

    /** The values a shell completes and the message lists, in lower case. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(values()).map(value -> value.name().toLowerCase(java.util.Locale.ROOT)).iterator();
        }
    }
}
