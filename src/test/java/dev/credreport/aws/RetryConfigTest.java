package dev.credreport.aws;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/** The SDK's own retry strategy is left alone in the process; only tests' sleepers take over its pauses. */
class RetryConfigTest {
    @Test
    void should_leave_the_sdk_retry_strategy_alone_with_the_system_sleeper() {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();

        RetryConfig.pauseThrough(Sleeper.SYSTEM, builder);

        assertNull(builder.retryStrategyConfigurator());
        assertNull(builder.retryStrategy());
        assertNull(builder.retryMode());
    }

    @Test
    void should_take_over_the_pauses_for_any_other_sleeper() {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();

        RetryConfig.pauseThrough(pause -> { }, builder);

        assertNotNull(builder.retryStrategyConfigurator());
        assertNull(builder.retryStrategy(), "the mode's strategy is still the SDK's choice");
    }
}
