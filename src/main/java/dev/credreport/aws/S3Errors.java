package dev.credreport.aws;

import dev.credreport.core.CredreportException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the S3 client throws into one line with the exit code of its class: a missing bucket
 * is the output's fault (8) or the input's (7), a refusal is 4, a failure of S3 or the network 6.
 */
public final class S3Errors {
    private static final Set<String> REFUSED = Set.of("AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "ExpiredToken", "InvalidToken", "TokenRefreshRequired", "AccountProblem");

    private S3Errors() {
    }

    /**
     * @param error what the client threw
     * @param where the s3:// location the call was about
     * @param bucket the bucket, named when it does not exist
     * @param permission the IAM action the call needs, named when it is refused
     * @param writing whether the call wrote (a missing bucket is then exit 8, else 7)
     */
    public static CredreportException translate(SdkException error, String where, String bucket, String permission,
            boolean writing) {
        String detail = CredreportException.firstLine(String.valueOf(error.getMessage()));
        if (error instanceof AwsServiceException) {
            AwsServiceException service = (AwsServiceException) error;
            String code = service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
            String message = service.awsErrorDetails() == null || service.awsErrorDetails().errorMessage() == null
                    ? detail : CredreportException.firstLine(service.awsErrorDetails().errorMessage());
            if (code.equals("NoSuchBucket")) {
                String text = "S3 bucket '" + bucket + "' does not exist (or is not visible to these credentials): "
                        + "create it, or check the name in " + where;
                return writing ? CredreportException.cannotWrite(text, error) : CredreportException.badInput(text, error);
            }
            if (REFUSED.contains(code) || service.statusCode() == 403) {
                return CredreportException.awsRefused("S3 refused " + permission + " on " + where + " (" + code + ": "
                        + message + "): the caller needs " + permission + " on the bucket (and kms:GenerateDataKey and "
                        + "kms:Decrypt when it is encrypted with a KMS key)", error);
            }
            if (service.isThrottlingException() || service.statusCode() >= 500) {
                return CredreportException.awsFailed("S3 failed on " + where + " after retries (" + service.statusCode()
                        + " " + code + "): " + message, error);
            }
            String text = "S3 answered " + service.statusCode() + " " + code + " for " + where + ": " + message;
            return writing ? CredreportException.cannotWrite(text, error) : CredreportException.badInput(text, error);
        }
        if (detail.startsWith("Unable to load credentials")) {
            return CredreportException.awsRefused("no AWS credentials found for S3: set AWS_PROFILE or pass --profile, "
                    + "or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", error);
        }
        return CredreportException.awsFailed("S3 could not be reached for " + where + ": " + detail, error);
    }
}
