package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import dev.credreport.asff.AsffFinding;
import dev.credreport.asff.AsffFindings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFinding;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingFilters;
import software.amazon.awssdk.services.securityhub.model.BatchImportFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.Compliance;
import software.amazon.awssdk.services.securityhub.model.ComplianceStatus;
import software.amazon.awssdk.services.securityhub.model.ImportFindingsError;
import software.amazon.awssdk.services.securityhub.model.Recommendation;
import software.amazon.awssdk.services.securityhub.model.RecordState;
import software.amazon.awssdk.services.securityhub.model.Remediation;
import software.amazon.awssdk.services.securityhub.model.Resource;
import software.amazon.awssdk.services.securityhub.model.ResourceDetails;
import software.amazon.awssdk.services.securityhub.model.Severity;
import software.amazon.awssdk.services.securityhub.model.SeverityLabel;
import software.amazon.awssdk.services.securityhub.model.StringFilter;
import software.amazon.awssdk.services.securityhub.model.StringFilterComparison;
import software.amazon.awssdk.services.securityhub.model.AwsIamUserDetails;
import software.amazon.awssdk.services.securityhub.model.AwsSecurityFindingIdentifier;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsResponse;
import software.amazon.awssdk.services.securityhub.model.BatchUpdateFindingsUnprocessedFinding;
import software.amazon.awssdk.services.securityhub.model.NoteUpdate;
import software.amazon.awssdk.services.securityhub.model.WorkflowStatus;
import software.amazon.awssdk.services.securityhub.model.WorkflowUpdate;

/**
 * Sends one account's findings to Security Hub with BatchImportFindings, 100 at a time, and
 * archives the findings credreport imported earlier for that account that this run no longer
 * finds, so that fixing a user closes its finding. Findings seen before keep their first sighting,
 * and get the workflow status their exceptions decide with BatchUpdateFindings.
 */
public final class SecurityHubSink implements AutoCloseable {
    /** Who credreport's notes are from: a suppression it made is one it may lift. */
    static final String CREDREPORT = "credreport";

    /** BatchImportFindings and BatchUpdateFindings take at most 100 findings a call. */
    static final int BATCH = 100;

    private final SecurityHubClient client;
    private final String region;
    private final AutoCloseable resources;
    private final Consumer<String> failures;

    /** What a send did. */
    public record Outcome(int imported, int archived) {
    }

    /**
     * @param resources closed with the sink (an HTTP client it owns), or null
     * @param failures told each finding that was not imported, one line each
     */
    public SecurityHubSink(SecurityHubClient client, String region, AutoCloseable resources, Consumer<String> failures) {
        this.client = client;
        this.region = region;
        this.resources = resources;
        this.failures = failures;
    }

    /**
     * Imports the findings of one account (all in {@code accountId}, the default product of
     * {@code partition}) and archives the earlier ones that are gone.
     *
     * @throws CredreportException exit 4 when Security Hub refuses, 6 when findings failed to import
     *         (naming how many), 6 when it fails after retries
     */
    public Outcome send(String accountId, String partition, List<AsffFinding> findings, Instant now) {
        String productArn = AsffFindings.productArn(partition, region, accountId);
        Map<String, AwsSecurityFinding> earlier = activeEarlier(accountId, productArn);
        List<AwsSecurityFinding> batch = new ArrayList<>();
        Set<String> current = new HashSet<>();
        for (AsffFinding finding : findings) {
            AwsSecurityFinding before = earlier.get(finding.id());
            if (before != null && before.firstObservedAt() != null && before.createdAt() != null) {
                finding = finding.seenBefore(Instant.parse(before.firstObservedAt()), Instant.parse(before.createdAt()));
            }
            current.add(finding.id());
            batch.add(toSdk(finding));
        }
        int archived = 0;
        for (AwsSecurityFinding before : earlier.values()) {
            if (!current.contains(before.id())) {
                batch.add(before.toBuilder()
                        .recordState(RecordState.ARCHIVED)
                        .compliance(Compliance.builder().status(ComplianceStatus.PASSED)
                                .relatedRequirements(before.compliance() == null ? List.of() : before.compliance().relatedRequirements())
                                .build())
                        .updatedAt(AsffFinding.time(now))
                        .build());
                archived++;
            }
        }
        importAll(batch, accountId);
        updateWorkflows(findings, earlier, accountId);
        return new Outcome(findings.size(), archived);
    }

    /** The note a finding credreport suppressed gets when its exception no longer accepts it. */
    static final String COUNTS_AGAIN = "credreport: no exception accepts this finding any more; it counts again";

    /**
     * Carries each exception's decision to findings Security Hub had already: BatchImportFindings sets
     * Workflow and Note only when it creates a finding (they are the customer's fields after that), so a
     * finding excepted since it was imported is suppressed here, and one credreport suppressed whose
     * exception expired or went is made NEW again. A status someone else set is left as it is.
     */
    private void updateWorkflows(List<AsffFinding> findings, Map<String, AwsSecurityFinding> earlier, String accountId) {
        Map<List<String>, List<String>> idsByDecision = new LinkedHashMap<>();
        for (AsffFinding finding : findings) {
            AwsSecurityFinding before = earlier.get(finding.id());
            if (before == null) {
                continue;
            }
            WorkflowStatus status = before.workflow() == null ? null : before.workflow().status();
            String note = before.note() == null ? null : before.note().text();
            boolean ours = before.note() != null && CREDREPORT.equals(before.note().updatedBy());
            List<String> decision = null;
            if (finding.suppressed() && (status != WorkflowStatus.SUPPRESSED || !finding.suppressedNote().equals(note))) {
                decision = List.of(WorkflowStatus.SUPPRESSED.toString(), finding.suppressedNote());
            } else if (!finding.suppressed() && status == WorkflowStatus.SUPPRESSED && ours) {
                decision = List.of(WorkflowStatus.NEW.toString(), COUNTS_AGAIN);
            }
            if (decision != null) {
                idsByDecision.computeIfAbsent(decision, key -> new ArrayList<>()).add(finding.id());
            }
        }
        String productArn = findings.isEmpty() ? null : findings.get(0).productArn();
        int unprocessed = 0;
        int total = 0;
        for (Map.Entry<List<String>, List<String>> entry : idsByDecision.entrySet()) {
            List<String> ids = entry.getValue();
            total += ids.size();
            for (int start = 0; start < ids.size(); start += BATCH) {
                List<AwsSecurityFindingIdentifier> batch = ids.subList(start, Math.min(ids.size(), start + BATCH)).stream()
                        .map(id -> AwsSecurityFindingIdentifier.builder().id(id).productArn(productArn).build()).toList();
                BatchUpdateFindingsResponse response;
                try {
                    response = client.batchUpdateFindings(r -> r.findingIdentifiers(batch)
                            .workflow(WorkflowUpdate.builder().status(entry.getKey().get(0)).build())
                            .note(NoteUpdate.builder().text(entry.getKey().get(1)).updatedBy(CREDREPORT).build()));
                } catch (SdkException e) {
                    throw translate(e, "BatchUpdateFindings", accountId);
                }
                for (BatchUpdateFindingsUnprocessedFinding left : response.unprocessedFindings()) {
                    unprocessed++;
                    failures.accept("finding " + ErrorClassifier.safe(left.findingIdentifier() == null ? null
                            : left.findingIdentifier().id()) + " kept its workflow status: "
                            + ErrorClassifier.safe(left.errorCode()) + " " + ErrorClassifier.safe(left.errorMessage()));
                }
            }
        }
        if (unprocessed > 0) {
            throw CredreportException.awsFailed(unprocessed + " of " + total + " findings of account " + accountId + " in "
                    + region + " did not get the workflow status their exceptions decide (BatchUpdateFindings)", null);
        }
    }

    /** credreport's active findings of the account, by Id. Filters are applied again here for stores that ignore some. */
    private Map<String, AwsSecurityFinding> activeEarlier(String accountId, String productArn) {
        AwsSecurityFindingFilters filters = AwsSecurityFindingFilters.builder()
                .awsAccountId(equalTo(accountId))
                .productArn(equalTo(productArn))
                .recordState(equalTo(RecordState.ACTIVE.toString()))
                .id(StringFilter.builder().comparison(StringFilterComparison.PREFIX).value(AsffFindings.idPrefix(accountId)).build())
                .build();
        Map<String, AwsSecurityFinding> earlier = new LinkedHashMap<>();
        try {
            for (AwsSecurityFinding finding : client.getFindingsPaginator(r -> r.filters(filters).maxResults(100)).findings()) {
                if (finding.id() != null && finding.id().startsWith(AsffFindings.idPrefix(accountId))
                        && accountId.equals(finding.awsAccountId())
                        && (finding.recordState() == null || finding.recordState() == RecordState.ACTIVE)) {
                    earlier.put(finding.id(), finding);
                }
            }
        } catch (SdkException e) {
            throw translate(e, "GetFindings", accountId);
        }
        return earlier;
    }

    private void importAll(List<AwsSecurityFinding> findings, String accountId) {
        int failed = 0;
        int refused = 0;
        ImportFindingsError first = null;
        for (int start = 0; start < findings.size(); start += BATCH) {
            List<AwsSecurityFinding> batch = findings.subList(start, Math.min(findings.size(), start + BATCH));
            BatchImportFindingsResponse response;
            try {
                response = client.batchImportFindings(r -> r.findings(batch));
            } catch (SdkException e) {
                throw translate(e, "BatchImportFindings", accountId);
            }
            int batchFailed = response.failedCount() == null ? response.failedFindings().size() : response.failedCount();
            failed += batchFailed;
            for (ImportFindingsError error : response.failedFindings()) {
                failures.accept("finding " + ErrorClassifier.safe(error.id()) + " was not imported: " + reason(error));
                if (first == null) {
                    first = error;
                }
                if (String.valueOf(error.errorCode()).contains("AccessDenied")) {
                    refused++;
                }
            }
        }
        if (failed > 0) {
            String message = failed + " of " + findings.size() + " findings were not imported into Security Hub for account "
                    + accountId + " in " + region + (first == null ? "" : " (first: " + ErrorClassifier.safe(first.id()) + ": " + reason(first) + ")");
            throw refused == failed ? CredreportException.awsRefused(message, null) : CredreportException.awsFailed(message, null);
        }
    }

    /** Why Security Hub did not import a finding, in its own (untrusted) words. */
    private static String reason(ImportFindingsError error) {
        String code = ErrorClassifier.safe(error.errorCode());
        String message = ErrorClassifier.safe(error.errorMessage());
        return (code.isEmpty() ? "no reason given" : code) + (message.isEmpty() ? "" : ": " + message);
    }

    static AwsSecurityFinding toSdk(AsffFinding finding) {
        Resource.Builder resource = Resource.builder()
                .type(finding.resourceType())
                .id(finding.resourceId())
                .partition(finding.partition())
                .region(finding.region());
        if (finding.aboutUser() && finding.userName() != null && !finding.userArn().endsWith(":root")) {
            resource.details(ResourceDetails.builder().awsIamUser(AwsIamUserDetails.builder().userName(finding.userName()).build()).build());
        }
        return AwsSecurityFinding.builder()
                .schemaVersion(AsffFinding.SCHEMA_VERSION)
                .id(finding.id())
                .productArn(finding.productArn())
                .generatorId(finding.generatorId())
                .awsAccountId(finding.accountId())
                .region(finding.region())
                .types(AsffFinding.TYPE)
                .firstObservedAt(AsffFinding.time(finding.firstObservedAt()))
                .lastObservedAt(AsffFinding.time(finding.lastObservedAt()))
                .createdAt(AsffFinding.time(finding.createdAt()))
                .updatedAt(AsffFinding.time(finding.updatedAt()))
                .severity(Severity.builder().label(SeverityLabel.fromValue(finding.severityLabel())).build())
                .title(finding.title())
                .description(finding.description())
                .remediation(Remediation.builder().recommendation(Recommendation.builder().text(finding.remediation()).build()).build())
                .productFields(finding.owner() == null
                        ? Map.of("ProviderName", "credreport", "credreport/RuleId", finding.generatorId())
                        : Map.of("ProviderName", "credreport", "credreport/RuleId", finding.generatorId(),
                                "credreport/Owner", finding.owner()))
                .resources(resource.build())
                .compliance(Compliance.builder().status(ComplianceStatus.FAILED).relatedRequirements(finding.relatedRequirements()).build())
                .recordState(RecordState.ACTIVE)
                .applyMutation(builder -> {
                    if (finding.suppressed()) {
                        // An accepted risk (--exceptions): suppressed, with its reason as the note.
                        builder.workflow(software.amazon.awssdk.services.securityhub.model.Workflow.builder()
                                .status(software.amazon.awssdk.services.securityhub.model.WorkflowStatus.SUPPRESSED).build())
                                .note(software.amazon.awssdk.services.securityhub.model.Note.builder()
                                        .text(finding.suppressedNote()).updatedBy(CREDREPORT)
                                        .updatedAt(AsffFinding.time(finding.updatedAt())).build());
                    }
                })
                .build();
    }

    private static StringFilter equalTo(String value) {
        return StringFilter.builder().comparison(StringFilterComparison.EQUALS).value(value).build();
    }

    private CredreportException translate(SdkException error, String operation, String accountId) {
        return ErrorClassifier.classify(error, AwsCall.securityHub(client, operation, accountId, region));
    }

    @Override
    public void close() {
        client.close();
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                // closing an HTTP client cannot lose data
            }
        }
    }
}
