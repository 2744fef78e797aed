package dev.storycore.generation.workflow;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.errors.GenerationError;
import dev.storycore.generation.errors.GenerationErrorCategory;
import dev.storycore.generation.errors.GenerationErrorClassifier;
import dev.storycore.generation.recovery.RecoveryAction;
import dev.storycore.generation.recovery.RecoveryPlanner;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.Outcome;
import dev.storycore.resilience.Retry;
import java.util.EnumSet;
import java.util.Set;

/**
 * Runs one tier of one shot on one backend: takes a permit from the tier's breaker for every attempt,
 * retries errors the classifier calls {@code RETRY_AS_IS} with backoff (a core {@link Retry}), and after
 * an {@code ADJUST_AND_RETRY} error carries out the best automatic recovery the planner ranks — a changed
 * request or freed backend memory — at most {@code maxRecoveries} times, each action once. A
 * {@code DO_NOT_RETRY} error, an open breaker or exhausted retries end the tier with {@link TierSkipped},
 * which sends the shot to the next tier. Thread-safe; one instance serves every shot of a generator.
 */
final class TierRunner {

    private final GeneratorConfig config;
    private final Clock clock;
    private final GenerationErrorClassifier classifier = new GenerationErrorClassifier();
    private final RecoveryPlanner recoveryPlanner;
    private final WorkflowBreakers breakers;
    private final TierPlanner planner;
    private final GeneratorCounters counters;
    private final RunningJobs running;
    private final Retry retry;

    TierRunner(GeneratorConfig config, WorkflowBreakers breakers, TierPlanner planner, GeneratorCounters counters,
            RunningJobs running) {
        this.config = config;
        this.clock = config.clock();
        this.recoveryPlanner = new RecoveryPlanner(config.models());
        this.breakers = breakers;
        this.planner = planner;
        this.counters = counters;
        this.running = running;
        this.retry = Retry.builder(config.name() + "-transient").maxAttempts(config.maxAttempts())
                .backoff(config.backoff()).jitter(config.jitter()).random(config.random()).sleeper(config.sleeper())
                .classifier(classifier)
                .retryIf(f -> f instanceof AttemptFailure a && a.error().disposition() == Disposition.RETRY_AS_IS)
                .build();
    }

    long retries() {
        return retry.statistics().retries();
    }

    /** Runs the tier; returns what the backend produced or throws {@link TierSkipped}. */
    GenerationResult run(Tier tier, GenerationBackend backend, ShotRun run) {
        run.tierStarted(tier);
        GenerationRequest request = tier.gpu() ? planner.forTier(tier, run, backend.name()) : run.base();
        Guards guards = tier.gpu() ? new Guards(breakers.reachability(backend.name()),
                breakers.breaker(backend.name(), request.workflow(), tier)) : Guards.NONE;
        Set<RecoveryAction> tried = EnumSet.noneOf(RecoveryAction.class);
        while (true) {
            GenerationRequest current = request;
            Outcome<GenerationResult> outcome = retry.executeOutcome(() -> attempt(tier, backend, guards, run, current));
            switch (outcome) {
                case Outcome.Success<GenerationResult> success -> {
                    if (!tried.isEmpty()) {
                        counters.recoverySucceeded();
                    }
                    return success.value();
                }
                case Outcome.Rejected<GenerationResult> rejected ->
                        throw new TierSkipped(tier.label() + ": " + rejected.rejection().getMessage(), rejected.rejection());
                case Outcome.Failure<GenerationResult> failure -> {
                    AttemptFailure attempt = attemptFailure(failure.error());
                    GenerationError error = attempt.error();
                    if (error.disposition() == Disposition.ADJUST_AND_RETRY && tried.size() < config.maxRecoveries()) {
                        var recovery = Recoveries.choose(recoveryPlanner, config.gpu(), error, current, tried);
                        if (recovery.isPresent()) {
                            request = apply(recovery.get(), tier, backend, run, error);
                            continue;
                        }
                    }
                    throw new TierSkipped(tier.label() + " gave up after " + error.code() + ": " + error.message(),
                            attempt);
                }
            }
        }
    }

    private GenerationRequest apply(Recoveries.Choice choice, Tier tier, GenerationBackend backend, ShotRun run,
            GenerationError error) {
        if (choice.freesMemory()) {
            backend.freeMemory();
        }
        counters.recoveryAttempted();
        run.recovered(new AppliedRecovery(tier, choice.action(), error.code(), choice.change()));
        return choice.request();
    }

    /** Unwraps what the retry reported; interruptions and cancellations end the whole shot. */
    private AttemptFailure attemptFailure(Throwable failure) {
        Throwable cause = failure;
        while (!(cause instanceof AttemptFailure) && cause.getCause() != null && cause.getCause() != cause) {
            if (cause instanceof ShotInterrupted interrupted) {
                throw interrupted;
            }
            cause = cause.getCause();
        }
        if (cause instanceof ShotInterrupted interrupted) {
            throw interrupted;
        }
        if (cause instanceof InterruptedException || running.cancelled()) {
            throw new ShotInterrupted("run cancelled");
        }
        if (cause instanceof AttemptFailure attempt) {
            return attempt;
        }
        return new AttemptFailure(classifier.classifyFailure(failure), failure);
    }

    private GenerationResult attempt(Tier tier, GenerationBackend backend, Guards guards, ShotRun run,
            GenerationRequest request) {
        if (running.cancelled()) {
            throw new ShotInterrupted("run cancelled");
        }
        Permits permit = guards.acquire();
        int number = run.startAttempt(request);
        String jobId = run.shotId() + "-" + tier.label() + "-" + number;
        run.emit(new ShotEvent.AttemptStarted(run.shotId(), tier, number, jobId, request));
        counters.attempt();
        long start = clock.nanoTime();
        running.started(jobId, backend);
        try {
            GenerationResult result = backend.generate(new GenerationJob(jobId, run.shotId(), request,
                    run.shot().outputDir()), progress -> run.emit(new ShotEvent.Progress(run.shotId(), tier, progress)));
            guards.succeeded(permit, clock.nanoTime() - start);
            counters.attemptSucceeded(result.gpuSeconds());
            run.succeeded(result);
            return result;
        } catch (BackendException e) {
            throw failed(tier, backend, guards, permit, start, run, request, number,
                    classifier.classify(e.report(), request.modelId()), e.gpuSecondsSpent(), e);
        } catch (RuntimeException e) {
            throw failed(tier, backend, guards, permit, start, run, request, number,
                    classifier.classifyFailure(e, request.modelId()), 0.0, e);
        } finally {
            running.finished(jobId);
        }
    }

    private AttemptFailure failed(Tier tier, GenerationBackend backend, Guards guards, Permits permit, long start,
            ShotRun run, GenerationRequest request, int number, GenerationError error, double gpuSeconds,
            RuntimeException cause) {
        run.failed(ShotError.of(tier, number, backend.name(), error, gpuSeconds));
        counters.attemptFailed(gpuSeconds);
        double correction = error.category() == GenerationErrorCategory.MEMORY_MANAGEMENT
                ? recoveryPlanner.contextFor(error, request, config.gpu()).correction() : 1.0;
        planner.learn(error, request, backend.name(), correction);
        var failure = new AttemptFailure(error, cause);
        guards.failed(permit, clock.nanoTime() - start, failure);
        return failure;
    }

    /** The two permits one GPU attempt holds: the backend's reachability and the tier's breaker. */
    private record Permits(long reachable, long tier) {
    }

    /**
     * The breakers guarding a tier's attempts, reachability first; the placeholder tier has none.
     *
     * @param reachable the backend's reachability breaker, or {@code null}
     * @param tier      the tier's workflow breaker, or {@code null}
     */
    private record Guards(CircuitBreaker reachable, CircuitBreaker tier) {
        static final Guards NONE = new Guards(null, null);
        private static final Permits FREE = new Permits(0, 0);

        Permits acquire() {
            if (reachable == null) {
                return FREE;
            }
            long first = reachable.acquirePermit();
            if (first == CircuitBreaker.NO_PERMIT) {
                throw reachable.rejection();
            }
            long second = tier.acquirePermit();
            if (second == CircuitBreaker.NO_PERMIT) {
                reachable.releasePermit(first);
                throw tier.rejection();
            }
            return new Permits(first, second);
        }

        void succeeded(Permits permit, long nanos) {
            if (reachable != null) {
                reachable.onPermitSuccess(permit.reachable(), nanos);
                tier.onPermitSuccess(permit.tier(), nanos);
            }
        }

        void failed(Permits permit, long nanos, AttemptFailure failure) {
            if (reachable != null) {
                reachable.onPermitFailure(permit.reachable(), nanos, failure);
                tier.onPermitFailure(permit.tier(), nanos, failure);
            }
        }
    }
}
