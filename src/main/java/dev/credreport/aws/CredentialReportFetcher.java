package dev.credreport.aws;

import dev.credreport.CredreportException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Generate, wait until COMPLETE, get: the credential report pipeline, within one wait budget.
 * Every way it can fail ends in a {@link CredreportException} with its exit code; nothing is
 * ever turned into an empty report.
 */
public final class CredentialReportFetcher {
    private final IamConnection connection;
    private final Duration maxWait;
    private final boolean generate;
    private final Consumer<String> progress;

    /**
     * @param maxWait how long to wait for the report in all, across generation and download
     * @param generate false for --no-generate: only GetCredentialReport is called
     * @param progress told what is being waited for, for a progress line
     */
    public CredentialReportFetcher(IamConnection connection, Duration maxWait, boolean generate, Consumer<String> progress) {
        this.connection = Objects.requireNonNull(connection);
        this.maxWait = Objects.requireNonNull(maxWait);
        this.generate = generate;
        this.progress = Objects.requireNonNull(progress);
    }

    public FetchedReport fetch() {
        connection.checkCredentials();
        WaitBudget budget = new WaitBudget(maxWait);
        if (generate) {
            generate(budget);
        }
        boolean regenerated = false;
        Backoff backoff = new Backoff();
        while (true) {
            try {
                GetCredentialReportResponse response = client().getCredentialReport();
                if (response.content() == null) {
                    throw CredreportException.awsFailed("GetCredentialReport answered without the report's content; try again", null);
                }
                return new FetchedReport(response.content().asByteArray(), response.generatedTime(), response.reportFormatAsString());
            } catch (CredentialReportNotReadyException e) {
                budget.waitOrGiveUp(backoff.next(), "the report was still being generated (ReportInProgress)", progress);
            } catch (CredentialReportNotPresentException | CredentialReportExpiredException e) {
                String why = e instanceof CredentialReportExpiredException
                        ? "the credential report has expired (ReportExpired)"
                        : "there is no credential report (ReportNotPresent)";
                if (!generate) {
                    throw CredreportException.notReady(why + "; run without --no-generate to generate one, "
                            + "or have someone with iam:GenerateCredentialReport generate it");
                }
                if (regenerated) {
                    throw CredreportException.notReady(why + " even after generating a new one; try again");
                }
                regenerated = true;
                progress.accept("generating a new credential report: " + why);
                generate(budget);
            } catch (SdkException e) {
                throw AwsErrors.translate(e, IamAction.GET, connection.settings());
            }
        }
    }

    private void generate(WaitBudget budget) {
        Backoff backoff = new Backoff();
        while (true) {
            String state;
            try {
                GenerateCredentialReportResponse response = client().generateCredentialReport();
                if (response.state() == ReportStateType.COMPLETE) {
                    return;
                }
                state = "the report was " + response.stateAsString();
            } catch (LimitExceededException e) {
                // Too many generation tasks in this account right now: the same as waiting for our own.
                state = "IAM refused to start another report (LimitExceeded)";
            } catch (SdkException e) {
                throw AwsErrors.translate(e, IamAction.GENERATE, connection.settings());
            }
            budget.waitOrGiveUp(backoff.next(), state, progress);
        }
    }

    private IamClient client() {
        return connection.client();
    }
}
