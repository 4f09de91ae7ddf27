package dev.credreport.aws;

import java.time.Duration;

/**
 * What kind of failure an AWS call met, with the sentence that tells it and what to do. The same
 * kind reads the same whichever service answered: a bad key is told alike by IAM, STS, S3 and
 * Security Hub.
 */
enum FailureKind {
    UNKNOWN_KEY((call, facts) -> "AWS does not recognise the access key (" + facts.code() + "): check the credentials "
            + "in use (--profile, AWS_PROFILE, AWS_ACCESS_KEY_ID)"),
    WRONG_SECRET((call, facts) -> "AWS rejected the request signature (" + facts.code() + "): the secret access key "
            + "does not match the access key; check the credentials in use (--profile, AWS_PROFILE, AWS_SECRET_ACCESS_KEY)"),
    EXPIRED((call, facts) -> "the AWS credentials have expired (" + facts.code() + "): refresh them (e.g. 'aws sso login') "
            + "and run again"),
    CLOCK_SKEW((call, facts) -> "AWS rejected the time of the request (" + facts.code() + ")" + facts.said()
            + ": this machine's clock is more than 5 minutes off; set it right (e.g. turn on NTP) and run again"),
    ACCESS_DENIED((call, facts) -> "access denied" + (call.deniedReason() == null ? "" : ": " + call.deniedReason())
            + facts.said() + "; " + call.deniedAdvice()),
    /** A HEAD answer has no body, so S3 cannot say why: bad credentials are refused the same way. */
    ACCESS_DENIED_NO_REASON((call, facts) -> "access denied" + (call.deniedReason() == null ? "" : ": " + call.deniedReason())
            + " (S3 answered a HEAD request with " + facts.status() + " and no reason); " + call.deniedAdvice()
            + ", and s3:ListBucket, without which S3 refuses a HEAD of a missing object; unknown, wrong or expired "
            + "credentials are refused the same way"),
    DENIED_BY_ORGANIZATION((call, facts) -> "access denied: an Organization policy (SCP or RCP) denies " + call.permission()
            + facts.said() + "; no policy of this identity can override that: ask the Organization's administrator to allow "
            + call.permission() + " for this account"),
    DENIED_BY_BOUNDARY((call, facts) -> "access denied: the permissions boundary of this identity does not allow "
            + call.permission() + facts.said() + "; ask whoever owns the boundary to allow " + call.permission() + " in it"),
    THROTTLED((call, facts) -> call.service().title() + " kept throttling " + call.operation() + " after the SDK's retries ("
            + facts.codeOrStatus() + "); try again later, or raise AWS_MAX_ATTEMPTS"),
    SERVICE_FAILED((call, facts) -> call.service().title() + " failed to answer " + call.operation()
            + " after the SDK's retries (" + facts.codeOrStatus() + ")" + facts.said() + "; try again later"),
    REFUSED((call, facts) -> call.service().title() + " refused " + call.operation() + " with " + facts.codeOrStatus()
            + facts.said()),
    NO_SUCH_BUCKET((call, facts) -> "S3 bucket " + quoted(call.bucket()) + " does not exist (or is not visible to these "
            + "credentials): create it, or check the bucket's name"),
    NO_SUCH_OBJECT((call, facts) -> "no such object (" + facts.codeOrStatus() + "): check the key"),
    BUCKET_ELSEWHERE((call, facts) -> "the bucket is in another region"
            + (facts.bucketRegion().isEmpty() ? "" : ", " + facts.bucketRegion()) + " (S3 answered " + facts.codeOrStatus()
            + "): pass --region " + (facts.bucketRegion().isEmpty() ? "with the bucket's region" : facts.bucketRegion())
            + ", or leave AWS_ENDPOINT_URL_S3 unset so that S3 finds it"),
    SECURITY_HUB_NOT_ENABLED((call, facts) -> "Security Hub is not enabled there (" + facts.code() + ")" + facts.said()
            + ": enable it, or pass --security-hub-region with a region where it is"),
    NO_SUCH_ENTITY((call, facts) -> call.service().title() + " says what " + call.operation() + " names does not exist ("
            + facts.code() + ")" + facts.said()),
    NOT_IN_ORGANIZATION((call, facts) -> "this account is not in an AWS Organization (" + facts.code() + "): run --org "
            + "from an Organization's management account, or name the accounts with --accounts"),
    STS_REGION_DISABLED((call, facts) -> "STS is not activated in this region (" + facts.code() + ")" + facts.said()
            + "; activate it in the account's IAM settings, or use another --region"),
    NO_CREDENTIALS((call, facts) -> ErrorClassifier.NO_CREDENTIALS_TEXT),
    UNKNOWN_HOST((call, facts) -> "cannot resolve host " + facts.host(call) + ": " + Regions.unknownIn(facts.host(call))
            .map(unknown -> unknown + " (check " + call.endpoint().setting() + ")")
            .orElse("the region may not exist or the network has no DNS; check " + call.endpoint().setting()
                    + " and the network")),
    CANNOT_CONNECT((call, facts) -> "could not connect to " + call.endpoint().description() + " (" + facts.networkReason()
            + "); check the network, proxy and " + call.endpoint().setting()),
    CONNECT_TIMEOUT((call, facts) -> "connecting to " + call.endpoint().description() + " timed out"
            + after(call.endpoint().connectTimeout()) + " (--cli-connect-timeout); check the network and proxy"),
    READ_TIMEOUT((call, facts) -> call.endpoint().description() + " did not answer within "
            + within(call.endpoint().readTimeout()) + " (--cli-read-timeout); try again, or raise --cli-read-timeout"),
    CALL_TIMEOUT((call, facts) -> call.operation() + " timed out talking to " + call.endpoint().description() + ": "
            + facts.message()),
    TLS_FAILED((call, facts) -> "the TLS connection to " + call.endpoint().description() + " failed (" + facts.networkReason()
            + "); if a proxy re-signs TLS traffic, pass its CA with --ca-bundle"),
    CONNECTION_FAILED((call, facts) -> "the connection to " + call.endpoint().description() + " failed after the SDK's "
            + "retries (" + facts.networkReason() + "); try again"),
    UNREADABLE_ANSWER((call, facts) -> "the answer from " + call.endpoint().description() + " to " + call.operation()
            + " could not be understood: " + facts.message());

    /** The sentence of a kind, from the call and what the failure told. */
    interface Text {
        String of(AwsCall call, ErrorClassifier.Facts facts);
    }

    private final Text text;

    FailureKind(Text text) {
        this.text = text;
    }

    String text(AwsCall call, ErrorClassifier.Facts facts) {
        return text.of(call, facts);
    }

    private static String quoted(String bucket) {
        return dev.credreport.report.UntrustedText.quote(bucket == null ? "" : bucket);
    }

    private static String after(Duration timeout) {
        return timeout == null ? "" : " after " + within(timeout);
    }

    private static String within(Duration timeout) {
        if (timeout == null) {
            return "the read timeout";
        }
        return timeout.isZero() ? "no limit" : timeout.toSeconds() + "s";
    }
}
