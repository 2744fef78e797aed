package dev.storycore.cli;

import dev.storycore.generation.workflow.ShotEvent;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Progress on a terminal: finished shots scroll up as permanent lines, and below them one status line
 * per running shot (tier, attempt, phase, percentage) is redrawn in place with ANSI cursor movement, at
 * most every {@value #REDRAW_MILLIS} ms. Thread-safe.
 */
final class LiveProgress implements Consumer<ShotEvent>, AutoCloseable {

    static final long REDRAW_MILLIS = 100;
    private static final String CLEAR_LINE = "\u001b[2K\r";

    private final PrintWriter out;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> running = new LinkedHashMap<>();
    private int drawnLines;
    private long lastDraw;

    LiveProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void accept(ShotEvent event) {
        lock.lock();
        try {
            switch (event) {
                case ShotEvent.TierStarted started -> running.put(event.shotId(), started.tier().label() + " tier");
                case ShotEvent.AttemptStarted attempt -> running.put(event.shotId(), attempt.tier().label()
                        + " · attempt " + attempt.attempt() + " · " + attempt.request().summary());
                case ShotEvent.Progress progress -> running.put(event.shotId(), String.format(Locale.ROOT,
                        "%s · %3.0f%% · %s", progress.tier().label(), progress.progress().fraction() * 100,
                        progress.progress().message().isBlank() ? progress.progress().phase()
                                : progress.progress().message()));
                case ShotEvent.AttemptFailed failed -> running.put(event.shotId(), failed.error().tier().label()
                        + " · attempt " + failed.error().attempt() + " failed: " + failed.error().code());
                case ShotEvent.RecoveryApplied recovery -> running.put(event.shotId(),
                        "recovering: " + recovery.recovery().action().description());
                case ShotEvent.Finished finished -> {
                    running.remove(event.shotId());
                    erase();
                    out.println("  " + symbol(finished) + " " + event.shotId() + "  "
                            + PlainProgress.describe(finished.result()));
                    draw();
                    return;
                }
            }
            long now = System.nanoTime() / 1_000_000;
            if (now - lastDraw >= REDRAW_MILLIS) {
                erase();
                draw();
                lastDraw = now;
            }
        } finally {
            lock.unlock();
        }
    }

    private static String symbol(ShotEvent.Finished finished) {
        return switch (finished.result().status()) {
            case DELIVERED -> "✔";
            case PLACEHOLDER -> "◌";
            case FAILED -> "✘";
            case INTERRUPTED -> "■";
        };
    }

    private void erase() {
        for (int i = 0; i < drawnLines; i++) {
            out.print("\u001b[1A" + CLEAR_LINE);
        }
        drawnLines = 0;
    }

    private void draw() {
        running.forEach((shot, status) -> {
            out.println(CLEAR_LINE + "  ▸ " + shot + "  " + status);
            drawnLines++;
        });
        out.flush();
    }

    /** Removes the status lines, leaving only the finished shots. */
    @Override
    public void close() {
        lock.lock();
        try {
            erase();
            out.flush();
        } finally {
            lock.unlock();
        }
    }
}
