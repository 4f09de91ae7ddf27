package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CredentialReportExpiredException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.CredentialReportNotReadyException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * Generate, wait until COMPLETE, get: the credential report pipeline, within one wait budget.
 * Every way it can fail ends in a {@link CredreportException} with its exit code; nothing is
 * ever turned into an empty report.
 */
public final class CredentialReportFetcher {
    /** The SDK's name for a throttled attempt in its ERROR_TYPE metric. */
    private static final String THROTTLING = "Throttling";

    private final IamConnection connection;
    private final Duration maxWait;
    private final boolean generate;
    private final Consumer<String> progress;
    private final Clock clock;
    private final Sleeper sleeper;
    /** The run's throttle in a run over many accounts, else null: throttling then fails after the SDK's retries. */
    private RunThrottle throttle;

    /**
     * @param maxWait how long to wait for the report in all, across generation and download
     * @param generate false for --no-generate: only GetCredentialReport is called
     * @param progress told what is being waited for, for a progress line
     * @param clock what --max-wait is counted on
     * @param sleeper what waits between polls
     */
    public CredentialReportFetcher(IamConnection connection, Duration maxWait, boolean generate, Consumer<String> progress,
            Clock clock, Sleeper sleeper) {
        this.connection = Objects.requireNonNull(connection);
        this.maxWait = Objects.requireNonNull(maxWait);
        this.generate = generate;
        this.progress = Objects.requireNonNull(progress);
        this.clock = Objects.requireNonNull(clock);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    /** Has every IAM call go through the run's throttle: retried while throttled, within its patience. */
    CredentialReportFetcher throttledBy(RunThrottle throttle) {
        this.throttle = throttle;
        return this;
    }

    private <T> T call(IamAction action, java.util.function.Supplier<T> call) {
        if (throttle == null) {
            return call.get();
        }
        return throttle.call(AwsCall.iam(action, connection.settings()), connection.settings().iamRegion().id(), call);
    }

    public FetchedReport fetch() {
        connection.checkCredentials();
        WaitBudget budget = new WaitBudget(maxWait, clock, sleeper);
        // One schedule for the whole fetch, so that a busy IAM keeps its longer period across phases.
        Backoff backoff = new Backoff();
        if (generate) {
            generate(budget, backoff);
        }
        boolean regenerated = false;
        while (true) {
            ThrottleWatch watch = new ThrottleWatch();
            try {
                GetCredentialReportResponse response = call(IamAction.GET, () -> client().getCredentialReport(
                        request -> request.overrideConfiguration(o -> o.addMetricPublisher(watch))));
                if (response.content() == null) {
                    throw CredreportException.awsFailed("GetCredentialReport answered without the report's content; try again", null);
                }
                return new FetchedReport(response.content().asByteArray(), response.generatedTime(), response.reportFormatAsString());
            } catch (CredentialReportNotReadyException e) {
                Duration period = watch.throttled() ? backoff.afterBusy(budget.waited()) : backoff.afterNotReady(budget.waited());
                budget.waitOrGiveUp(period, "the report was still being generated (ReportInProgress)", progress);
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
                generate(budget, backoff);
            } catch (SdkException e) {
                throw ErrorClassifier.classify(e, AwsCall.iam(IamAction.GET, connection.settings()));
            }
        }
    }

    private void generate(WaitBudget budget, Backoff backoff) {
        while (true) {
            String state;
            Duration period;
            try {
                ThrottleWatch watch = new ThrottleWatch();
                GenerateCredentialReportResponse response = call(IamAction.GENERATE, () -> client().generateCredentialReport(
                        request -> request.overrideConfiguration(o -> o.addMetricPublisher(watch))));
                if (response.state() == ReportStateType.COMPLETE) {
                    return;
                }
                if (response.state() != ReportStateType.STARTED && response.state() != ReportStateType.INPROGRESS) {
                    // Not IAM's answer (a proxy's page, another service): waiting would only burn --max-wait.
                    throw CredreportException.awsFailed("GenerateCredentialReport answered without a report state ("
                            + (response.stateAsString() == null ? "none" : "'" + response.stateAsString() + "'")
                            + "); check that " + connection.settings().endpointDescription() + " is an IAM endpoint", null);
                }
                state = "the report was " + response.stateAsString();
                period = watch.throttled() ? backoff.afterBusy(budget.waited()) : backoff.afterNotReady(budget.waited());
            } catch (LimitExceededException e) {
                // Too many generation tasks in this account right now: the same as waiting for our own,
                // only slower, as another task may hold the account for a while.
                state = "IAM refused to start another report (LimitExceeded)";
                period = backoff.afterBusy(budget.waited());
            } catch (SdkException e) {
                throw ErrorClassifier.classify(e, AwsCall.iam(IamAction.GENERATE, connection.settings()));
            }
            budget.waitOrGiveUp(period, state, progress);
        }
    }

    /**
     * Whether any attempt of one call was throttled, even if the SDK's retries then got an answer:
     * the SDK reports each attempt's error type in its metrics, published before the call returns.
     */
    private static final class ThrottleWatch implements MetricPublisher {
        private volatile boolean throttled;

        boolean throttled() {
            return throttled;
        }

        @Override
        public void publish(MetricCollection metrics) {
            if (anyThrottled(metrics)) {
                throttled = true;
            }
        }

        private static boolean anyThrottled(MetricCollection metrics) {
            if (metrics.metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
                return true;
            }
            return metrics.children().stream().anyMatch(ThrottleWatch::anyThrottled);
        }

        @Override
        public void close() {
            // nothing held
        }
    }

    private IamClient client() {
        return connection.client();
    }
}
