package dev.storycore.comfyui;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.resilience.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One job on one {@link ComfyUiBackend}: upload the inputs, bind the template, queue and watch the
 * prompt, download the outputs, and turn every way it can end into a result or a
 * {@link ComfyUiBackendException} carrying what ComfyUI said.
 *
 * <p>Not thread-safe: one instance per {@code generate} call; {@link #cancel()} may come from any
 * thread.
 */
final class JobRun {

    private final ComfyUiBackend backend;
    private final ComfyUiClient client;
    private final GenerationJob job;
    private final ProgressListener listener;
    private final Clock clock;
    private final String promptId = ComfyUiClient.newPromptId();
    private volatile boolean cancelled;
    private volatile boolean queued;
    private long startNanos;
    private double gpuSeconds;

    JobRun(ComfyUiBackend backend, ComfyUiClient client, GenerationJob job, ProgressListener listener) {
        this.backend = backend;
        this.client = client;
        this.job = job;
        this.listener = listener;
        this.clock = client.config().clock();
    }

    String promptId() {
        return promptId;
    }

    /** Marks the job cancelled and stops it on the server if it is there already. */
    void cancel() {
        cancelled = true;
        if (queued) {
            backend.stopOnServer(promptId);
        }
    }

    GenerationResult run() {
        startNanos = clock.nanoTime();
        try {
            ServerInputs inputs = JobInputs.upload(client, job);
            BoundWorkflow bound = backend.catalog().bind(job.request(), inputs);
            if (cancelled) {
                throw failure(ComfyUiFailure.INTERRUPTED, "cancelled before it was queued",
                        "Processing interrupted: job " + job.jobId() + " was cancelled before it was queued", null);
            }
            ProgressTracker tracker = new ProgressTracker(job.jobId(), bound, listener, clock, this::onQueued);
            ExecutionResult result = client.execute(bound.workflow(), promptId, tracker);
            long endNanos = clock.nanoTime();
            gpuSeconds = seconds(tracker.startedNanos().orElse(startNanos), endNanos);
            return finish(result, bound, tracker);
        } catch (ComfyUiPromptRejectedException e) {
            throw failure(ComfyUiFailure.PROMPT_REJECTED, e.promptError().summary(), e.promptError().rawJson(), e);
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException e) {
            throw failure(ComfyUiFailure.SERVER_UNAVAILABLE, e.getMessage(), e.getMessage(), e);
        } catch (ComfyUiProtocolException e) {
            throw failure(ComfyUiFailure.PROTOCOL, e.getMessage(), e.getMessage(), e);
        } catch (ComfyUiException e) {
            boolean interrupted = Thread.currentThread().isInterrupted();
            throw failure(interrupted ? ComfyUiFailure.INTERRUPTED : ComfyUiFailure.BAD_INPUT, e.getMessage(),
                    e.getMessage(), e);
        }
    }

    private void onQueued(String id) {
        queued = true;
        if (cancelled) {
            backend.stopOnServer(id);
        }
    }

    private GenerationResult finish(ExecutionResult result, BoundWorkflow bound, ProgressTracker tracker) {
        return switch (result) {
            case ExecutionResult.Success success -> downloaded(success, bound, tracker);
            case ExecutionResult.Failed failed -> throw executionFailure(failed.error());
            case ExecutionResult.Interrupted interrupted -> throw failure(ComfyUiFailure.INTERRUPTED,
                    "interrupted at " + where(interrupted.nodeType(), interrupted.nodeId()),
                    "Processing interrupted: prompt " + promptId + " was interrupted on " + client.config().baseUri()
                            + " (execution_interrupted at " + where(interrupted.nodeType(), interrupted.nodeId()) + ")",
                    null);
            case ExecutionResult.Lost lost -> throw lostFailure(lost);
        };
    }

    private ComfyUiBackendException executionFailure(ExecutionError error) {
        if (backend.options().freeMemoryAfterOutOfMemory() && outOfMemory(error)) {
            backend.freeMemory();
        }
        String report = error.rawJson().equals("{}") ? error.summary() : error.rawJson();
        return failure(ComfyUiFailure.EXECUTION_ERROR, error.summary(), report, new ComfyUiExecutionException(error));
    }

    private ComfyUiBackendException lostFailure(ExecutionResult.Lost lost) {
        if (cancelled) {
            return failure(ComfyUiFailure.INTERRUPTED, "cancelled", "Processing interrupted: prompt " + promptId
                    + " was cancelled and removed from the queue of " + client.config().baseUri(), null);
        }
        return switch (lost.reason()) {
            case JOB_TIMEOUT -> {
                backend.stopOnServer(promptId);
                yield failure(ComfyUiFailure.JOB_TIMEOUT, lost.message(), lost.message(), lost.toException());
            }
            case STALLED -> {
                // Frees the GPU if the hung node heeds the interrupt; a stuck kernel may not.
                backend.stopOnServer(promptId);
                yield failure(ComfyUiFailure.STALLED, lost.message(), lost.message()
                        + "; stall timeout reached, the prompt was stopped on the server to free the GPU",
                        lost.toException());
            }
            case SERVER_UNREACHABLE -> failure(ComfyUiFailure.JOB_LOST, lost.message(), lost.message(),
                    lost.toException());
            case PROMPT_VANISHED -> failure(ComfyUiFailure.JOB_LOST, lost.message(), lost.message()
                    + " (connection closed: the job was lost)", lost.toException());
        };
    }

    private GenerationResult downloaded(ExecutionResult.Success success, BoundWorkflow bound, ProgressTracker tracker) {
        List<OutputFile> files = new ArrayList<>(success.files().stream()
                .filter(file -> file.type() == FolderType.OUTPUT).toList());
        if (files.isEmpty()) {
            throw failure(ComfyUiFailure.PROTOCOL, "finished without output files", "prompt " + promptId + " on "
                    + client.config().baseUri() + " finished but no node saved an output file", null);
        }
        files.sort(Comparator.comparing(file -> !isVideo(file.filename())));
        List<Path> written = new ArrayList<>();
        for (OutputFile file : files) {
            tracker.emit("writing", 0.96, "downloading " + file.filename());
            written.add(client.download(file, job.outputDir()));
        }
        tracker.emit("writing", 1.0, "done");
        List<String> notes = new ArrayList<>(bound.notes());
        notes.add("prompt " + promptId + " on " + client.config().baseUri());
        return new GenerationResult(job.jobId(), backend.name(), job.request(), written, false,
                Duration.ofNanos(clock.nanoTime() - startNanos), gpuSeconds, notes);
    }

    private ComfyUiBackendException failure(ComfyUiFailure kind, String summary, String report, Throwable cause) {
        return new ComfyUiBackendException(backend.name(), kind, summary, report, gpuSeconds, cause);
    }

    static boolean outOfMemory(ExecutionError error) {
        String text = (error.exceptionType() + " " + error.exceptionMessage()).toLowerCase(Locale.ROOT);
        return text.contains("outofmemoryerror") || text.contains("out of memory")
                || text.contains("allocation on device");
    }

    private static boolean isVideo(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        return name.endsWith(".mp4") || name.endsWith(".webm") || name.endsWith(".webp") || name.endsWith(".gif")
                || name.endsWith(".mov") || name.endsWith(".mkv");
    }

    private static String where(String nodeType, String nodeId) {
        return (nodeType.isEmpty() ? "node" : nodeType) + (nodeId.isEmpty() ? "" : " (node " + nodeId + ")");
    }

    private static double seconds(long fromNanos, long toNanos) {
        return Math.max(0, toNanos - fromNanos) / 1e9;
    }
}
