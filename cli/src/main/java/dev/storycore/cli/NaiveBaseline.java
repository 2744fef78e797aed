package dev.storycore.cli;

import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.errors.GenerationErrorClassifier;
import dev.storycore.resilience.Backoff;
import dev.storycore.resilience.CircuitBreaker;
import dev.storycore.resilience.CircuitOpenException;
import dev.storycore.resilience.Outcome;
import dev.storycore.resilience.Retry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What a generic resilience library does out of the box, for the chaos benchmark to compare against:
 * every backend failure retried up to 3 attempts with exponential backoff (2 s × 2, ±25 % jitter), each
 * attempt through one circuit breaker (5 consecutive failures open it for 60 s; a refused attempt waits
 * out the open time, as the retry's {@code delayFrom} allows, and counts as one of the 3), the same
 * request every time — no pre-flight, no error classification, no recovery planner, no fallback tiers.
 */
final class NaiveBaseline {

    private NaiveBaseline() {
    }

    /** An open breaker says how long it stays open; waiting that long is what its documentation suggests. */
    private static Optional<Duration> breakerWait(Outcome<?> outcome) {
        return switch (outcome) {
            case Outcome.Rejected<?> rejected when rejected.rejection() instanceof CircuitOpenException open ->
                    Optional.of(open.remainingOpen());
            case Outcome.Failure<?> failure when failure.error() instanceof CircuitOpenException open ->
                    Optional.of(open.remainingOpen());
            default -> Optional.empty();
        };
    }

    static BenchSide run(Storyboard board, BackendFactory.Backends backends, Path outputDir, long seed) {
        GenerationBackend backend = backends.gpu();
        Retry retry = Retry.builder("naive").maxAttempts(3).retryOn(BackendException.class, CircuitOpenException.class)
                .backoff(Backoff.exponential(Duration.ofSeconds(2), 2.0, Duration.ofMinutes(2)))
                .delayFrom(NaiveBaseline::breakerWait)
                .random(new SeededRandom(seed)).sleeper(backends.sleeper()).build();
        CircuitBreaker breaker = CircuitBreaker.builder("naive").clock(backends.clock()).build();
        var attempts = new AtomicInteger();
        var gpuSeconds = new DoubleAdder();
        var wasted = new DoubleAdder();
        var wastedByChance = new DoubleAdder();
        var classifier = new GenerationErrorClassifier();
        int delivered = 0;
        long start = System.nanoTime();
        for (Storyboard.Shot shot : board.shots()) {
            Outcome<GenerationResult> outcome = retry.executeOutcome(() -> breaker.execute(() -> {
                int attempt = attempts.incrementAndGet();
                var job = new GenerationJob(shot.id() + "-naive-" + attempt, shot.id(), shot.request(),
                        outputDir.resolve(shot.id()));
                try {
                    GenerationResult result = backend.generate(job, ProgressListener.NONE);
                    gpuSeconds.add(result.gpuSeconds());
                    return result;
                } catch (BackendException e) {
                    gpuSeconds.add(e.gpuSecondsSpent());
                    wasted.add(e.gpuSecondsSpent());
                    if (BenchSide.chance(classifier.classify(e.report()).category().name())) {
                        wastedByChance.add(e.gpuSecondsSpent());
                    }
                    throw e;
                }
            }));
            if (outcome.isSuccess()) {
                delivered++;
            }
        }
        return new BenchSide("naive", board.shots().size(), delivered, delivered, 0, attempts.get(), gpuSeconds.sum(),
                wasted.sum(), wastedByChance.sum(), (System.nanoTime() - start) / 1e9);
    }
}
