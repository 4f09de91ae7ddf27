package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.credreport.core.CredreportException;
import dev.credreport.support.FakeTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class RunThrottleTest {
    private final FakeTime time = new FakeTime(Instant.parse("2024-06-01T12:00:00Z"));
    private final AwsCall call = AwsCall.assumeRole("arn:aws:iam::123456789012:role/r", "the caller", false, null);

    static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("Rate exceeded").build()).build();
    }

    @Test
    void should_tell_throttling_by_code_and_status_from_the_classifier_table() {
        for (String code : new String[] {"Throttling", "ThrottlingException", "TooManyRequestsException", "RequestLimitExceeded"}) {
            assertTrue(ErrorClassifier.throttled(error(code, 400), call), code);
        }
        assertTrue(ErrorClassifier.throttled(error("", 429), call));
        assertTrue(ErrorClassifier.throttled(error("SlowDown", 503), call));
        assertTrue(!ErrorClassifier.throttled(error("AccessDenied", 403), call));
        assertTrue(!ErrorClassifier.throttled(error("ServiceUnavailable", 503), call));
    }

    @Test
    void should_retry_a_throttled_call_until_it_succeeds_and_slow_the_service_down() {
        RunThrottle throttle = new RunThrottle(Duration.ofMinutes(15), time, time);
        AtomicInteger attempts = new AtomicInteger();

        String answer = throttle.call(call, "us-east-1", () -> {
            if (attempts.incrementAndGet() <= 5) {
                throw error("Throttling", 400);
            }
            return "ok";
        });

        assertEquals("ok", answer);
        assertEquals(6, attempts.get());
        assertTrue(time.slept().compareTo(Duration.ZERO) > 0, "it waited between attempts");
        assertTrue(throttle.rate(AwsCall.Service.STS, "us-east-1") < RunThrottle.FIRST_RATE, "the limiter slowed down");
        assertTrue(Double.isInfinite(throttle.rate(AwsCall.Service.IAM, "us-east-1")), "other services are not slowed");
        assertEquals(0, throttle.waiting());
    }

    @Test
    void should_give_up_only_after_the_patience() {
        RunThrottle throttle = new RunThrottle(Duration.ofMinutes(3), time, time);
        Instant start = time.instant();

        CredreportException e = assertThrows(CredreportException.class, () -> throttle.call(call, "us-east-1", () -> {
            throw error("Throttling", 400);
        }));

        assertTrue(e.getMessage().contains("--throttle-patience"), e.getMessage());
        assertTrue(Duration.between(start, time.instant()).compareTo(Duration.ofMinutes(3)) >= 0);
    }

    @Test
    void should_pass_other_failures_through_at_once() {
        RunThrottle throttle = new RunThrottle(Duration.ofMinutes(3), time, time);
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(AwsServiceException.class, () -> throttle.call(call, "us-east-1", () -> {
            attempts.incrementAndGet();
            throw error("AccessDenied", 403);
        }));
        assertEquals(1, attempts.get());
    }

    @Test
    void should_speed_up_again_while_calls_succeed() {
        RunThrottle.Limiter limiter = new RunThrottle.Limiter();
        limiter.throttled(time.instant());
        double slowed = limiter.rate();
        for (int i = 0; i < 100; i++) {
            limiter.succeeded();
        }
        assertTrue(limiter.rate() > slowed);
        for (int i = 0; i < 30_000; i++) {
            limiter.succeeded();
        }
        assertTrue(Double.isInfinite(limiter.rate()), "no limit once calls succeed long enough");
    }
}
