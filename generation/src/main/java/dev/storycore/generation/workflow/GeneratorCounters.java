package dev.storycore.generation.workflow;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** The live counters behind {@link GeneratorStatistics}. Thread-safe and lock-free. */
final class GeneratorCounters {

    private final Map<Tier, LongAdder> byTier = new EnumMap<>(Tier.class);
    private final LongAdder failed = new LongAdder();
    private final LongAdder interrupted = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder attemptSuccesses = new LongAdder();
    private final LongAdder recoveryAttempts = new LongAdder();
    private final LongAdder recoverySuccesses = new LongAdder();
    private final DoubleAdder gpuSeconds = new DoubleAdder();
    private final DoubleAdder wastedGpuSeconds = new DoubleAdder();

    GeneratorCounters() {
        for (Tier tier : Tier.values()) {
            byTier.put(tier, new LongAdder());
        }
    }

    void attempt() {
        attempts.increment();
    }

    void attemptSucceeded(double gpu) {
        attemptSuccesses.increment();
        gpuSeconds.add(gpu);
    }

    void attemptFailed(double gpu) {
        gpuSeconds.add(gpu);
        wastedGpuSeconds.add(gpu);
    }

    void recoveryAttempted() {
        recoveryAttempts.increment();
    }

    void recoverySucceeded() {
        recoverySuccesses.increment();
    }

    void finished(ShotResult result) {
        switch (result.status()) {
            case DELIVERED, PLACEHOLDER -> byTier.get(result.tier()).increment();
            case FAILED -> failed.increment();
            case INTERRUPTED -> interrupted.increment();
        }
    }

    GeneratorStatistics snapshot(long retries, int quarantined) {
        var delivered = new EnumMap<Tier, Long>(Tier.class);
        byTier.forEach((tier, count) -> delivered.put(tier, count.sum()));
        long placeholders = delivered.get(Tier.PLACEHOLDER);
        long gpuTiers = delivered.values().stream().mapToLong(Long::longValue).sum() - placeholders;
        long fallbacks = gpuTiers + placeholders - delivered.get(Tier.PRIMARY);
        long failedShots = failed.sum();
        long interruptedShots = interrupted.sum();
        return new GeneratorStatistics(gpuTiers + placeholders + failedShots + interruptedShots, gpuTiers,
                placeholders, failedShots, interruptedShots, delivered, fallbacks, attempts.sum(),
                attemptSuccesses.sum(), retries, recoveryAttempts.sum(), recoverySuccesses.sum(), gpuSeconds.sum(),
                wastedGpuSeconds.sum(), quarantined);
    }
}
