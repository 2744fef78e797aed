package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.request.RequestValidator;
import dev.storycore.generation.request.ValidationResult;
import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.FallbackChain;
import dev.storycore.resilience.FallbackChainExhaustedException;
import dev.storycore.resilience.FallbackResult;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.analytics.ErrorAnalytics;
import dev.storycore.resilience.degradation.GracefulDegradation;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Generates shots on a GPU backend and never gives up quietly: every shot comes back delivered at the
 * best quality the GPU allows, as a labelled CPU placeholder, or failed with every error classified.
 *
 * <p>For each shot: the request is validated (snapped where it can be), scaled to the current
 * {@linkplain #degradation() quality level}, then run through a core {@link FallbackChain} of tiers —
 * {@link Tier#PRIMARY} → {@link Tier#REDUCED} → {@link Tier#MINIMAL} on the GPU backend, then
 * {@link Tier#PLACEHOLDER} on the CPU backend. Each GPU tier plans its request before the first attempt
 * (pre-flight against the GPU's memory), runs under its own per-workflow circuit breaker, retries errors
 * retried as is with backoff, applies the recovery planner's automatic moves after errors that need a
 * changed request, and hands the shot to the next tier after errors no retry will fix. Models found
 * broken on the backend are not submitted there again, and out-of-memory reports correct later
 * estimates. Every result carries a {@link QualityScore} and a warning for every change made.
 *
 * <p>Thread-safe: any number of shots may run at once. The generator does not own its backends;
 * {@link #close()} leaves them open.
 */
public final class ResilientVideoGenerator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ResilientVideoGenerator.class.getName());

    /** A delivered tier with the backend's result. */
    private record Delivery(Tier tier, GenerationResult result) {
    }

    private final GeneratorConfig config;
    private final GenerationBackend gpuBackend;
    private final GenerationBackend placeholderBackend;
    private final RequestValidator validator;
    private final GracefulDegradation degradation;
    private final WorkflowBreakers breakers;
    private final TierPlanner planner;
    private final GeneratorCounters counters = new GeneratorCounters();
    private final RunningJobs running = new RunningJobs();
    private final TierRunner runner;
    private final FallbackChain<ShotRun, Delivery> chain;

    private ResilientVideoGenerator(GenerationBackend gpuBackend, GenerationBackend placeholderBackend,
            GeneratorConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.gpuBackend = Objects.requireNonNull(gpuBackend, "gpuBackend");
        this.placeholderBackend = Objects.requireNonNull(placeholderBackend, "placeholderBackend");
        this.validator = new RequestValidator(config.models());
        this.degradation = GracefulDegradation.builder(config.name() + "-quality")
                .mode(config.adaptiveQuality() ? GracefulDegradation.Mode.AUTOMATIC : GracefulDegradation.Mode.MANUAL)
                .window(Duration.ofMinutes(30)).minimumCalls(10).quietPeriod(Duration.ofMinutes(10))
                .clock(config.clock()).build();
        this.breakers = new WorkflowBreakers(config.name(), config.breakerTemplate(), config.clock());
        this.planner = new TierPlanner(config);
        this.runner = new TierRunner(config, breakers, planner, counters, running);
        this.chain = FallbackChain.<ShotRun, Delivery>builder(config.name() + "-tiers")
                .level(Tier.PRIMARY.label(), run -> gpu(Tier.PRIMARY, run))
                .level(Tier.REDUCED.label(), run -> gpu(Tier.REDUCED, run))
                .level(Tier.MINIMAL.label(), run -> gpu(Tier.MINIMAL, run))
                .level(Tier.PLACEHOLDER.label(), run ->
                        new Delivery(Tier.PLACEHOLDER, runner.run(Tier.PLACEHOLDER, placeholderBackend, run)))
                .fallThroughIf(failure -> !(failure instanceof ShotInterrupted))
                .build();
    }

    /**
     * A generator over a GPU backend and a CPU placeholder backend.
     *
     * @param gpuBackend         the backend of the GPU tiers (a ComfyUI server or the simulator)
     * @param placeholderBackend the last-resort CPU backend
     * @param config             the settings
     * @return the generator
     */
    public static ResilientVideoGenerator create(GenerationBackend gpuBackend, GenerationBackend placeholderBackend,
            GeneratorConfig config) {
        return new ResilientVideoGenerator(gpuBackend, placeholderBackend, config);
    }

    private Delivery gpu(Tier tier, ShotRun run) {
        return new Delivery(tier, runner.run(tier, gpuBackend, run));
    }

    /** @return the generator's name */
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public GeneratorConfig config() {
        return config;
    }

    /**
     * Generates one shot, as {@link #generate(ShotRequest, Consumer)} without a listener.
     *
     * @param shot the shot
     * @return how it ended; never throws for a failed generation
     */
    public ShotResult generate(ShotRequest shot) {
        return generate(shot, event -> { });
    }

    /**
     * Generates one shot through the tiers. Blocks until it ends; run shots on virtual threads to run
     * several at once.
     *
     * @param shot     the shot
     * @param listener receives the shot's events on this thread and the backend's progress threads
     * @return how it ended: delivered, placeholder, failed (an invalid request, or every tier failed),
     *         or interrupted by {@link #cancel()}
     */
    public ShotResult generate(ShotRequest shot, Consumer<? super ShotEvent> listener) {
        Objects.requireNonNull(shot, "shot");
        Objects.requireNonNull(listener, "listener");
        var run = new ShotRun(shot, listener);
        ShotResult result = running.cancelled() ? run.ended(ShotStatus.INTERRUPTED) : attempt(run);
        counters.finished(result);
        record(result);
        run.emit(new ShotEvent.Finished(shot.shotId(), result));
        return result;
    }

    private ShotResult attempt(ShotRun run) {
        ValidationResult validated = validator.validate(run.shot().request());
        if (!validated.valid()) {
            run.failed(new ShotError(Tier.PRIMARY, 0, "", GenerationErrorCategory.PARAMETER_VALIDATION,
                    Disposition.DO_NOT_RETRY, Severity.MEDIUM, "INVALID_REQUEST",
                    String.join("; ", validated.problems()), 0.0));
            return run.ended(ShotStatus.FAILED);
        }
        validated.adjustments().forEach(adjustment -> run.warn("validation: " + adjustment));
        var level = degradation.level();
        run.base(planner.shapes().degraded(validated.request(), level));
        run.warnChange("quality level " + level, validated.request(), run.base());
        try {
            FallbackResult<Delivery> delivered = chain.executeWithLevel(run);
            delivered.earlierFailures().forEach(f -> run.warn(f.level() + " tier failed: " + reason(f.failure())));
            if (!delivered.value().tier().gpu()) {
                run.warn("placeholder: no GPU tier delivered; the CPU made a labelled stand-in");
            }
            return run.delivered(delivered.value().tier(), delivered.value().result(), config.models());
        } catch (FallbackChainExhaustedException e) {
            e.failures().forEach(f -> run.warn(f.level() + " tier failed: " + reason(f.failure())));
            return run.ended(ShotStatus.FAILED);
        } catch (ShotInterrupted e) {
            run.warn("interrupted: " + e.getMessage());
            return run.ended(ShotStatus.INTERRUPTED);
        }
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private void record(ShotResult result) {
        String source = config.name() + "/" + WorkflowBreakers.group(result.requested().workflow());
        for (ShotError error : result.errors()) {
            var classification = new Classification(error.category().coreCategory(),
                    error.severity(), error.disposition(), error.code(), error.message(), List.of());
            if (result.deliveredSomething()) {
                config.analytics().recordRecovered(classification, source + "/" + error.tier().label());
            } else {
                config.analytics().record(classification, source + "/" + error.tier().label());
            }
        }
        if (result.status() == ShotStatus.INTERRUPTED) {
            return;
        }
        if (result.status() == ShotStatus.DELIVERED && result.tier() == Tier.PRIMARY) {
            degradation.recordSuccess();
        } else if (!result.errors().isEmpty()) {
            ShotError last = result.errors().get(result.errors().size() - 1);
            degradation.recordFailure(Classification.of(last.category().coreCategory(),
                    last.severity(), last.disposition(), last.code(), last.message()));
        } else {
            degradation.recordFailure(Classification.of(
                    ErrorCategory.WORKFLOW, Severity.MEDIUM, Disposition.ADJUST_AND_RETRY,
                    "FELL_BACK", "the primary tier did not deliver"));
        }
    }

    /**
     * Stops the generator: running jobs are cancelled on their backends, waiting shots end as
     * {@link ShotStatus#INTERRUPTED}, and later calls to {@code generate} return at once as interrupted.
     * Idempotent.
     */
    public void cancel() {
        LOG.log(System.Logger.Level.DEBUG, "{0}: cancelling {1} running jobs", config.name(), running.size());
        running.cancelAll();
    }

    /** @return whether {@link #cancel()} was called */
    public boolean cancelled() {
        return running.cancelled();
    }

    /** @return the counters so far */
    public GeneratorStatistics statistics() {
        return counters.snapshot(runner.retries(), planner.quarantined());
    }

    /** @return per-tier attempts, successes and failures of the fallback chain, in tier order */
    public List<FallbackChain.LevelStatistics> tierStatistics() {
        return chain.statistics();
    }

    /**
     * The health now; asks both backends for theirs, which never throws.
     *
     * @return the health snapshot
     */
    public GeneratorHealth health() {
        var states = breakers.states();
        var gpuHealth = gpuBackend.health();
        GeneratorStatistics stats = statistics();
        ErrorAnalytics analytics = config.analytics();
        List<String> critical = analytics.recentCritical(5).stream().map(r -> r.code()).toList();
        return new GeneratorHealth(config.name(),
                GeneratorHealth.verdict(gpuHealth, states, degradation.level(), stats.quarantinedModels()),
                gpuHealth, placeholderBackend.health(), degradation.level(), states, stats.successRate(),
                stats.gpuTierRate(), analytics.errorRatePerMinute(), critical, stats.quarantinedModels());
    }

    /** @return where every classified failure is recorded */
    public ErrorAnalytics analytics() {
        return config.analytics();
    }

    /** @return the quality level requests are scaled to; may be moved by hand */
    public GracefulDegradation degradation() {
        return degradation;
    }

    /** Does nothing: the backends belong to the caller. */
    @Override
    public void close() {
    }
}
