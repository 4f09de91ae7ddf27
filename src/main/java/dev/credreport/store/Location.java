package dev.credreport.store;

import dev.credreport.core.CredreportException;
import dev.credreport.report.UntrustedText;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where reports are read from or saved to, as the user typed it: a local path, or an S3 bucket
 * and prefix ({@code s3://BUCKET/PREFIX}). Any other {@code scheme://} is refused rather than taken
 * for a local directory named {@code scheme:}.
 */
public sealed interface Location permits Location.Local, Location.S3 {
    /** Lower-case letters, digits, '.', '-': what S3 allows in a bucket name (3 to 63 characters). */
    Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://.*", Pattern.DOTALL);

    /** A path on this machine. */
    record Local(Path path) implements Location {
        public Local {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    /**
     * An S3 bucket and a key or key prefix without a leading '/'; a prefix is empty or ends in '/'
     * once {@link #asPrefix()} made it one.
     */
    record S3(String bucket, String key) implements Location {
        public S3 {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
        }

        /** The key as a prefix that ends in '/' (or is empty), so that "reports" does not match "reports-old". */
        public S3 asPrefix() {
            return key.isEmpty() || key.endsWith("/") ? this : new S3(bucket, key + "/");
        }

        /** The object or prefix below this one. */
        public S3 resolve(String relative) {
            return new S3(bucket, asPrefix().key() + relative);
        }

        @Override
        public String toString() {
            return "s3://" + bucket + "/" + key;
        }
    }

    /**
     * Parses what the user gave {@code option}.
     *
     * @throws CredreportException a usage error (exit 2) for another scheme, a bad bucket name or path
     */
    static Location parse(String text, String option) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw CredreportException.usage(option + ": empty path: give a local path or s3://BUCKET/PREFIX");
        }
        var scheme = SCHEME.matcher(text);
        if (!scheme.matches()) {
            try {
                return new Local(Path.of(text));
            } catch (InvalidPathException e) {
                throw CredreportException.usage(option + ": " + UntrustedText.quote(text) + " is not a path: " + e.getReason());
            }
        }
        if (!scheme.group(1).toLowerCase(Locale.ROOT).equals("s3")) {
            throw CredreportException.usage(option + ": " + UntrustedText.quote(text) + ": " + UntrustedText.escape(scheme.group(1)) + ":// locations are not "
                    + "supported; give a local path or s3://BUCKET/PREFIX");
        }
        String rest = text.substring(scheme.group(1).length() + 3);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (!BUCKET.matcher(bucket).matches()) {
            throw CredreportException.usage(option + ": " + UntrustedText.quote(text) + ": " + UntrustedText.quote(bucket) + " is not an S3 bucket name "
                    + "(3 to 63 lower-case letters, digits, '.' and '-'); write s3://BUCKET/PREFIX");
        }
        if (key.startsWith("/") || key.contains("//")) {
            throw CredreportException.usage(option + ": " + UntrustedText.quote(text) + ": an S3 key has no empty segments ('//')");
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            // A control character in a key reaches saved names, printed paths and Athena's SQL: refused, not escaped.
            throw CredreportException.usage(option + ": " + UntrustedText.quote(text) + ": an S3 prefix cannot hold control "
                    + "characters");
        }
        return new S3(bucket, key);
    }
}
