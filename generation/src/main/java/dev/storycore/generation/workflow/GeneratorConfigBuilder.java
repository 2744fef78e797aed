package dev.storycore.generation.workflow;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelFamily;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.resilience.Backoff;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitBreakerConfig;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Jitter;
import dev.storycore.resilience.RandomSource;
import dev.storycore.resilience.Sleeper;
import dev.storycore.resilience.analytics.ErrorAnalytics;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link GeneratorConfig}. Defaults: the built-in models, a 16 GB RTX 4080, no family
 * preference, 3 attempts for errors retried as is with backoff 2 s × 2 capped at 30 s and ±25 % jitter,
 * 3 recovery-planned retries per tier, breakers that open at a 50 % failure rate over at least 4 calls
 * in 10 minutes and stay open 2 minutes (one probe closes them), adaptive quality on, fresh analytics,
 * and the system clock, sleeper and random source.
 *
 * <p>Not thread-safe; {@link #build()} checks and copies, throwing {@link IllegalArgumentException}
 * naming the bad parameter.
 */
public final class GeneratorConfigBuilder {

    /** The default breaker settings, before the generator names each breaker. */
    public static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreaker.builder("workflow")
            .failureRateThreshold(50).minimumCalls(4).slidingWindow(Duration.ofMinutes(10), 10)
            .openDuration(Duration.ofMinutes(2)).successThreshold(1).toConfig();

    private String name;
    private ModelRegistry models = ModelRegistry.builtIn();
    private GpuProfile gpu = GpuPresets.DEFAULT;
    private Set<ModelFamily> preferredFamilies = Set.of();
    private int maxAttempts = 3;
    private Backoff backoff = Backoff.exponential(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30));
    private Jitter jitter = Jitter.PROPORTIONAL;
    private int maxRecoveries = 3;
    private CircuitBreakerConfig breakerTemplate = DEFAULT_BREAKER;
    private boolean adaptiveQuality = true;
    private ErrorAnalytics analytics;
    private Clock clock = Clock.system();
    private Sleeper sleeper = Sleeper.system();
    private RandomSource random = RandomSource.system();

    GeneratorConfigBuilder(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    GeneratorConfigBuilder(GeneratorConfig config) {
        this(config.name());
        models = config.models();
        gpu = config.gpu();
        preferredFamilies = config.preferredFamilies();
        maxAttempts = config.maxAttempts();
        backoff = config.backoff();
        jitter = config.jitter();
        maxRecoveries = config.maxRecoveries();
        breakerTemplate = config.breakerTemplate();
        adaptiveQuality = config.adaptiveQuality();
        analytics = config.analytics();
        clock = config.clock();
        sleeper = config.sleeper();
        random = config.random();
    }

    /**
     * Renames the generator, e.g. when one base configures several.
     *
     * @param name the name, not blank
     * @return this builder
     */
    public GeneratorConfigBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The registry; default {@link ModelRegistry#builtIn()}.
     *
     * @param models the value
     * @return this builder
     */
    public GeneratorConfigBuilder models(ModelRegistry models) {
        this.models = Objects.requireNonNull(models, "models");
        return this;
    }

    /**
     * The primary backend's GPU; default {@link GpuPresets#DEFAULT}.
     *
     * @param gpu the value
     * @return this builder
     */
    public GeneratorConfigBuilder gpu(GpuProfile gpu) {
        this.gpu = Objects.requireNonNull(gpu, "gpu");
        return this;
    }

    /**
     * Families tried first when a tier changes the model; default none.
     *
     * @param families the value
     * @return this builder
     */
    public GeneratorConfigBuilder preferredFamilies(Set<ModelFamily> families) {
        this.preferredFamilies = Set.copyOf(families);
        return this;
    }

    /**
     * Attempts for errors retried as is, at least 1; default 3.
     *
     * @param maxAttempts the value
     * @return this builder
     */
    public GeneratorConfigBuilder maxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * Waits between those attempts; default 2 s × 2 up to 30 s.
     *
     * @param backoff the value
     * @return this builder
     */
    public GeneratorConfigBuilder backoff(Backoff backoff) {
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        return this;
    }

    /**
     * How waits are spread; default ±25 %.
     *
     * @param jitter the value
     * @return this builder
     */
    public GeneratorConfigBuilder jitter(Jitter jitter) {
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        return this;
    }

    /**
     * Recovery-planned retries per tier, 0 or more; default 3.
     *
     * @param maxRecoveries the value
     * @return this builder
     */
    public GeneratorConfigBuilder maxRecoveries(int maxRecoveries) {
        this.maxRecoveries = maxRecoveries;
        return this;
    }

    /**
     * Settings of every breaker; see {@link #DEFAULT_BREAKER}.
     *
     * @param template the value
     * @return this builder
     */
    public GeneratorConfigBuilder breakerTemplate(CircuitBreakerConfig template) {
        this.breakerTemplate = Objects.requireNonNull(template, "template");
        return this;
    }

    /**
     * Whether failures scale later requests down; default on.
     *
     * @param adaptive the value
     * @return this builder
     */
    public GeneratorConfigBuilder adaptiveQuality(boolean adaptive) {
        this.adaptiveQuality = adaptive;
        return this;
    }

    /**
     * Where failures are recorded; default a new one per build.
     *
     * @param analytics the value
     * @return this builder
     */
    public GeneratorConfigBuilder analytics(ErrorAnalytics analytics) {
        this.analytics = Objects.requireNonNull(analytics, "analytics");
        return this;
    }

    /**
     * The source of time; default the system clock.
     *
     * @param clock the value
     * @return this builder
     */
    public GeneratorConfigBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How backoff waits; default the system sleeper.
     *
     * @param sleeper the value
     * @return this builder
     */
    public GeneratorConfigBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Randomness for jitter; default the system's.
     *
     * @param random the value
     * @return this builder
     */
    public GeneratorConfigBuilder random(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Checks the settings and makes the config.
     *
     * @return the config
     * @throws IllegalArgumentException naming the first parameter out of range
     */
    public GeneratorConfig build() {
        ErrorAnalytics used = analytics != null ? analytics : ErrorAnalytics.builder(name).clock(clock).build();
        return new GeneratorConfig(name, models, gpu, preferredFamilies, maxAttempts, backoff, jitter, maxRecoveries,
                breakerTemplate, adaptiveQuality, used, clock, sleeper, random);
    }
}
