package dev.storycore.comfyui;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.resilience.CircuitBreakerBuilder;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * How a {@link RoutingBackend} spreads jobs over servers. Immutable; start from {@link #defaults()}
 * or {@link #builder()}.
 *
 * @param breaker       adjusts each server's circuit breaker; it receives a builder named after the
 *                      server that opens after {@value #DEFAULT_FAILURE_THRESHOLD} server failures in a
 *                      row and stays open {@link #DEFAULT_OPEN_DURATION}. Default: no change
 * @param serverFailure which failures are the server's fault: they count against its breaker, and the
 *                      job is resubmitted on another server. Default: a {@link ComfyUiBackendException}
 *                      whose {@link ComfyUiFailure#serverFailure()} is true (unreachable, 5xx, died
 *                      mid-job, forgot the job)
 */
public record RoutingOptions(UnaryOperator<CircuitBreakerBuilder> breaker,
                             Predicate<? super BackendException> serverFailure) {

    /** Server failures in a row that open a server's breaker. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    /** How long an open breaker keeps jobs away from its server before a probe job. */
    public static final Duration DEFAULT_OPEN_DURATION = Duration.ofSeconds(30);

    private static final RoutingOptions DEFAULTS = builder().build();

    /** Checks for nulls. */
    public RoutingOptions {
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(serverFailure, "serverFailure");
    }

    /** @return the defaults above */
    public static RoutingOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults above */
    public static Builder builder() {
        return new Builder();
    }

    /** The default test for a server's fault. */
    static boolean isServerFailure(BackendException failure) {
        return failure instanceof ComfyUiBackendException comfy && comfy.failure().serverFailure();
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private UnaryOperator<CircuitBreakerBuilder> breaker = UnaryOperator.identity();
        private Predicate<? super BackendException> serverFailure = RoutingOptions::isServerFailure;

        private Builder() {
        }

        /**
         * Adjusts each server's breaker, e.g. {@code b -> b.failureThreshold(1).clock(clock)}.
         *
         * @param value returns the builder it is given, changed
         * @return this builder
         */
        public Builder breaker(UnaryOperator<CircuitBreakerBuilder> value) {
            breaker = value;
            return this;
        }

        /** @param value which failures are the server's fault @return this builder */
        public Builder serverFailure(Predicate<? super BackendException> value) {
            serverFailure = value;
            return this;
        }

        /** @return the options */
        public RoutingOptions build() {
            return new RoutingOptions(breaker, serverFailure);
        }
    }
}
