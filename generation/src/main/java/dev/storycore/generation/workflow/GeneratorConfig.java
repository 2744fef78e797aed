package dev.storycore.generation.workflow;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelFamily;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.resilience.Backoff;
import dev.storycore.resilience.CircuitBreakerConfig;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Jitter;
import dev.storycore.resilience.RandomSource;
import dev.storycore.resilience.Sleeper;
import dev.storycore.resilience.analytics.ErrorAnalytics;
import java.util.Objects;
import java.util.Set;

/**
 * The immutable settings of a {@link ResilientVideoGenerator}; made by {@link GeneratorConfigBuilder},
 * see there for the default of each.
 *
 * @param name              the generator's name, used in breaker names, analytics sources and logs
 * @param models            the models requests name and fallbacks choose from
 * @param gpu               the GPU of the primary backend, for pre-flight and recovery planning
 * @param preferredFamilies families tried first when a tier picks another model; empty for no preference
 * @param maxAttempts       attempts per request for errors retried as is, the first included
 * @param backoff           the waits between those attempts
 * @param jitter            how the waits are spread
 * @param maxRecoveries     recovery-planned retries per tier (changed request or freed memory)
 * @param breakerTemplate   the settings of every per-workflow breaker; its name, clock and ignore rule
 *                          are replaced per breaker
 * @param adaptiveQuality   whether a graceful degradation in automatic mode scales requests down while
 *                          attempts keep failing
 * @param analytics         where every classified failure is recorded; may be shared between generators
 * @param clock             time for breakers, degradation and analytics
 * @param sleeper           how backoff waits; the simulator's virtual clock sleeper for simulated runs
 * @param random            randomness for jitter
 */
public record GeneratorConfig(
        String name,
        ModelRegistry models,
        GpuProfile gpu,
        Set<ModelFamily> preferredFamilies,
        int maxAttempts,
        Backoff backoff,
        Jitter jitter,
        int maxRecoveries,
        CircuitBreakerConfig breakerTemplate,
        boolean adaptiveQuality,
        ErrorAnalytics analytics,
        Clock clock,
        Sleeper sleeper,
        RandomSource random) {

    /**
     * Checks every value.
     *
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public GeneratorConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(gpu, "gpu");
        preferredFamilies = Set.copyOf(preferredFamilies);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(jitter, "jitter");
        if (maxRecoveries < 0) {
            throw new IllegalArgumentException("maxRecoveries must not be negative, was " + maxRecoveries);
        }
        Objects.requireNonNull(breakerTemplate, "breakerTemplate");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /**
     * Starts a builder with every default.
     *
     * @param name the generator's name
     * @return a new builder
     */
    public static GeneratorConfigBuilder builder(String name) {
        return new GeneratorConfigBuilder(name);
    }

    /**
     * A builder holding these settings (the analytics instance included).
     *
     * @return a new builder
     */
    public GeneratorConfigBuilder toBuilder() {
        return new GeneratorConfigBuilder(this);
    }
}
