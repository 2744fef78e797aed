package dev.storycore.comfyui;

import dev.storycore.generation.backend.JobProgress;
import dev.storycore.resilience.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one prompt's {@link ExecutionEvent}s into the backend's {@link JobProgress}: a phase from the
 * class of the running node, and a fraction where sampling (split evenly over the workflow's
 * samplers, so two experts each count half) spans 10 % to 85 %. The fraction never goes back.
 * Remembers when execution started, for the GPU time.
 *
 * <p>Not thread-safe: the watching thread calls it.
 */
final class ProgressTracker implements ProgressListener {

    private static final System.Logger LOG = System.getLogger(ProgressTracker.class.getName());
    private static final Set<String> SAMPLERS = Set.of("KSampler", "KSamplerAdvanced", "SamplerCustom",
            "SamplerCustomAdvanced");
    private static final double SAMPLING_START = 0.10;
    private static final double SAMPLING_END = 0.85;

    private final String jobId;
    private final BoundWorkflow workflow;
    private final dev.storycore.generation.backend.ProgressListener out;
    private final Clock clock;
    private final Consumer<String> onQueued;
    private final int samplerCount;
    private final Set<String> samplersStarted = new HashSet<>();
    private String phase = "queued";
    private double fraction;
    private long startedNanos = -1;

    ProgressTracker(String jobId, BoundWorkflow workflow, dev.storycore.generation.backend.ProgressListener out,
                    Clock clock, Consumer<String> onQueued) {
        this.jobId = jobId;
        this.workflow = workflow;
        this.out = out;
        this.clock = clock;
        this.onQueued = onQueued;
        List<String> samplers = workflow.workflow().properties().stream()
                .filter(node -> SAMPLERS.contains(node.getValue().path("class_type").asText()))
                .map(Map.Entry::getKey).toList();
        this.samplerCount = Math.max(1, samplers.size());
    }

    /** When the server started executing, on the backend's clock; empty before {@code execution_start}. */
    OptionalLong startedNanos() {
        return startedNanos < 0 ? OptionalLong.empty() : OptionalLong.of(startedNanos);
    }

    @Override
    public void onEvent(ExecutionEvent event) {
        switch (event) {
            case ExecutionEvent.Queued queued -> {
                emit("queued", 0, "queued as #" + (long) queued.number());
                onQueued.accept(queued.promptId());
            }
            case ExecutionEvent.Started started -> {
                markStarted();
                emit("loading", 0.02, "started");
            }
            case ExecutionEvent.Executing executing -> executing(executing.node());
            case ExecutionEvent.Progress progress -> progress(progress);
            case ExecutionEvent.Succeeded succeeded -> emit("writing", 0.95, "finished on the server");
            case ExecutionEvent.SocketSilent silent -> emit(phase, fraction, "no news for "
                    + Transport.human(silent.silence()) + "; asking the server");
            case ExecutionEvent.SocketLost lost -> emit(phase, fraction, "progress socket lost; polling");
            case ExecutionEvent.SocketReconnected reconnected -> emit(phase, fraction, "progress socket reconnected");
            case ExecutionEvent.StillQueued still -> {
                if (still.running()) {
                    markStarted();
                }
                emit(still.running() ? phase : "queued", fraction, still.running() ? "running" : "waiting in the queue");
            }
            case ExecutionEvent.Status status -> { }
            case ExecutionEvent.Cached cached -> { }
            case ExecutionEvent.Executed executed -> { }
            case ExecutionEvent.Finished finished -> { }
            case ExecutionEvent.Failed failed -> { }
            case ExecutionEvent.Interrupted interrupted -> { }
        }
    }

    private void markStarted() {
        if (startedNanos < 0) {
            startedNanos = clock.nanoTime();
        }
    }

    private void executing(String node) {
        markStarted();
        String classType = workflow.classOf(node);
        String nodePhase = phaseOf(classType);
        double at = switch (nodePhase) {
            case "loading" -> 0.02;
            case "encoding" -> 0.05;
            case "sampling" -> samplingFraction(node, 0);
            case "decoding" -> 0.88;
            case "writing" -> 0.93;
            default -> fraction;
        };
        if (!nodePhase.isEmpty()) {
            phase = nodePhase;
        }
        emit(phase, at, "running " + (classType.isEmpty() ? "node" : classType) + " (node " + node + ")");
    }

    private void progress(ExecutionEvent.Progress progress) {
        String classType = workflow.classOf(progress.node());
        if (SAMPLERS.contains(classType)) {
            emit("sampling", samplingFraction(progress.node(), progress.fraction()),
                    "step " + progress.value() + "/" + progress.max());
        } else {
            emit(phase, fraction, classType + " " + progress.value() + "/" + progress.max());
        }
    }

    /** Where sampling is: samplers finished before this one, plus this one's share. */
    private double samplingFraction(String node, double within) {
        if (!samplersStarted.contains(node)) {
            samplersStarted.add(node);
        }
        double done = (samplersStarted.size() - 1 + within) / samplerCount;
        return SAMPLING_START + (SAMPLING_END - SAMPLING_START) * Math.min(1.0, done);
    }

    private static String phaseOf(String classType) {
        String name = classType.toLowerCase(Locale.ROOT);
        if (SAMPLERS.contains(classType)) {
            return "sampling";
        } else if (name.contains("loader") || name.startsWith("load")) {
            return "loading";
        } else if (name.contains("encode") || name.contains("tovideo") || (name.contains("latent") && !name.startsWith("trim"))) {
            return "encoding";
        } else if (name.startsWith("vaedecode")) {
            return "decoding";
        } else if (name.startsWith("save") || name.equals("createvideo")) {
            return "writing";
        }
        return "";
    }

    /** Reports progress; a listener that throws is logged and ignored. */
    void emit(String newPhase, double at, String message) {
        fraction = Math.max(fraction, Math.min(1.0, Math.max(0.0, at)));
        phase = newPhase;
        try {
            out.onProgress(new JobProgress(jobId, phase, fraction, message));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Progress listener threw for job " + jobId, e);
        }
    }
}
