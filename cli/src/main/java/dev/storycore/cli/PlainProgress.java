package dev.storycore.cli;

import dev.storycore.generation.workflow.ShotEvent;
import dev.storycore.generation.workflow.ShotResult;
import dev.storycore.generation.workflow.Tier;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Progress as plain lines, for logs and pipes: a line when a shot starts, falls back, fails an attempt,
 * recovers or ends; none for step-by-step progress. Thread-safe: lines from concurrent shots never mix.
 */
final class PlainProgress implements Consumer<ShotEvent> {

    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();

    PlainProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(ShotEvent event) {
        String line = switch (event) {
            case ShotEvent.TierStarted started -> started.tier() == Tier.PRIMARY
                    ? "started" : "trying the " + started.tier().label() + " tier";
            case ShotEvent.AttemptStarted attempt -> attempt.attempt() == 1 ? "" : "attempt " + attempt.attempt()
                    + " (" + attempt.tier().label() + "): " + attempt.request().summary();
            case ShotEvent.Progress progress -> "";
            case ShotEvent.AttemptFailed failed -> "attempt " + failed.error().attempt() + " failed: "
                    + failed.error().code() + " (" + failed.error().disposition() + ")";
            case ShotEvent.RecoveryApplied recovery -> "recovery: " + recovery.recovery().action().description()
                    + " — " + recovery.recovery().change();
            case ShotEvent.Finished finished -> describe(finished.result());
        };
        if (line.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            out.println("[" + event.shotId() + "] " + line);
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    private static String attempts(int count) {
        return count + (count == 1 ? " attempt" : " attempts");
    }

    static String describe(ShotResult result) {
        return switch (result.status()) {
            case DELIVERED, PLACEHOLDER -> String.format(Locale.ROOT, "%s from the %s tier, quality %.2f, %s",
                    result.status(), result.tier().label(), result.qualityScore(), attempts(result.attempts()));
            case FAILED, INTERRUPTED -> result.status() + " after " + attempts(result.attempts());
        };
    }
}
