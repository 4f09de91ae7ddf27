package dev.credreport.aws;

import java.time.Instant;
import java.util.Objects;

/**
 * What GetCredentialReport returned.
 *
 * @param content the CSV exactly as AWS sent it (the SDK has already undone the base64)
 * @param generatedTime when AWS generated the report, or null if it did not say
 * @param reportFormat the ReportFormat field, normally text/csv
 */
public record FetchedReport(byte[] content, Instant generatedTime, String reportFormat) {
    public FetchedReport {
        Objects.requireNonNull(content, "content");
    }
}
