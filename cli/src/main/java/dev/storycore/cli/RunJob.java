package dev.storycore.cli;

import dev.storycore.generation.workflow.ResilientVideoGenerator;
import dev.storycore.generation.workflow.ShotEvent;
import dev.storycore.generation.workflow.ShotRequest;
import dev.storycore.generation.workflow.ShotResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs every shot of a storyboard through the generators, {@code concurrency} at a time in storyboard
 * order, and reports on them at any moment — also half-way, when the run is cancelled: finished shots
 * as they ended, shots that were running as {@code INTERRUPTED}, shots never started as
 * {@code NOT_RUN}. Thread-safe: {@link #cancel()} and {@link #report()} may be called from any thread,
 * such as a shutdown hook, while {@link #run()} works.
 */
final class RunJob {

    /**
     * What the report says about where the run ran.
     *
     * @param backend the GPU backend's name
     * @param gpu     the GPU planned for, as JSON fields
     * @param chaos   the failure profile
     * @param seed    the seed
     */
    record Setting(String backend, Map<String, Object> gpu, String chaos, long seed) {
    }

    private final Storyboard board;
    private final Path outputDir;
    private final Function<Storyboard.Shot, ResilientVideoGenerator> router;
    private final List<ResilientVideoGenerator> generators;
    private final int concurrency;
    private final Consumer<? super ShotEvent> listener;
    private final Setting setting;
    private final Map<String, ShotResult> results = new ConcurrentHashMap<>();
    private final Map<String, String> crashed = new ConcurrentHashMap<>();
    private final Set<String> started = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();

    RunJob(Storyboard board, Path outputDir, Function<Storyboard.Shot, ResilientVideoGenerator> router,
            List<ResilientVideoGenerator> generators, int concurrency, Consumer<? super ShotEvent> listener,
            Setting setting) {
        this.board = Objects.requireNonNull(board, "board");
        this.outputDir = Objects.requireNonNull(outputDir, "outputDir");
        this.router = Objects.requireNonNull(router, "router");
        this.generators = List.copyOf(generators);
        if (concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.setting = Objects.requireNonNull(setting, "setting");
    }

    /**
     * Runs every shot and waits for the last one.
     *
     * @return the report
     * @throws InterruptedException if the calling thread is interrupted while waiting; the run is
     *                              cancelled first
     */
    RunReport run() throws InterruptedException {
        Queue<Storyboard.Shot> queue = new ConcurrentLinkedQueue<>(board.shots());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(concurrency, board.shots().size()); i++) {
            workers.add(Thread.ofVirtual().name("storycore-shot-", i).start(() -> work(queue)));
        }
        try {
            for (Thread worker : workers) {
                worker.join();
            }
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } finally {
            finished.set(true);
            done.countDown();
        }
        return report();
    }

    private void work(Queue<Storyboard.Shot> queue) {
        for (Storyboard.Shot shot; !cancelled.get() && (shot = queue.poll()) != null; ) {
            started.add(shot.id());
            try {
                ShotResult result = router.apply(shot).generate(
                        new ShotRequest(shot.id(), shot.request(), outputDir.resolve(shot.id())), listener);
                results.put(shot.id(), result);
            } catch (RuntimeException e) {
                // A generator reports failures as results; anything thrown is a bug, reported on the shot.
                crashed.put(shot.id(), String.valueOf(e));
            }
        }
    }

    /** Stops the run: no further shot starts, and running jobs are cancelled on their backends. */
    void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            generators.forEach(ResilientVideoGenerator::cancel);
        }
    }

    /** @return whether {@link #run()} has returned or thrown */
    boolean finished() {
        return finished.get();
    }

    /**
     * Waits until {@link #run()} ends, at most the given time.
     *
     * @param timeout the longest wait
     * @return whether it ended
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitFinished(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The report now: every shot in storyboard order.
     *
     * @return the report; its status is INTERRUPTED once the run was cancelled
     */
    RunReport report() {
        List<ShotReport> shots = new ArrayList<>();
        for (Storyboard.Shot shot : board.shots()) {
            ShotResult result = results.get(shot.id());
            if (result != null) {
                shots.add(ShotReport.of(shot, result, outputDir));
            } else if (crashed.containsKey(shot.id())) {
                shots.add(ShotReport.crashed(shot, crashed.get(shot.id())));
            } else {
                shots.add(ShotReport.unfinished(shot, started.contains(shot.id()) && cancelled.get()
                        ? ShotReport.INTERRUPTED : ShotReport.NOT_RUN));
            }
        }
        double wall = (System.nanoTime() - startNanos) / 1e9;
        return new RunReport(board.file().toString(), board.name(), setting.backend(), setting.gpu(),
                setting.chaos(), setting.seed(), cancelled.get() ? "INTERRUPTED" : "COMPLETE", startedAt.toString(),
                ShotReport.round(wall), shots, RunReport.Summary.of(shots));
    }
}
