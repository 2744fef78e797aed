package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.backend.internal.RunningJobs;
import dev.storycore.generation.backend.internal.OutputNames;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.BackendHealth;
import dev.storycore.generation.backend.BackendStats;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.media.MediaOutput;
import dev.storycore.generation.media.PngFrameWriter;
import dev.storycore.generation.media.VideoOptions;
import dev.storycore.generation.request.GenerationRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The last-resort tier: real, clearly labelled placeholder video made on the CPU when no GPU tier
 * could deliver. Text-to-video becomes an animated title card with the prompt; image-to-video a slow
 * pan and zoom over the input image; upscaling a Lanczos resample of the source video or image;
 * transparent video a keyed clip (chroma key on a green or blue screen, else a luminance threshold)
 * written as RGBA PNG frames plus an MP4 preview; inpainting fills the masked region from its
 * surroundings, frame by frame. Every frame of a title card says "PLACEHOLDER"; every result's notes
 * begin with "placeholder".
 *
 * <p>Videos are H.264 MP4 files, at preview scale by default (long side 480, see
 * {@link CpuPlaceholderConfig#preview()}): the placeholder is drawn at that size directly rather than
 * drawn large and shrunk. PNG frames of transparent video are written at the same size as the MP4.
 * Files are named from the shot id and job id and never leave {@link GenerationJob#outputDir()}.
 *
 * <p>Failures: a named input file that is missing or unreadable fails with a {@link BackendException}
 * whose report names the file ("input image not found: /path/x.png (No such file or directory)"); a
 * request that lacks what its workflow needs (no input image for image-to-video, no mask for inpaint,
 * neither source video nor image for upscale and inpaint) or whose mask covers every pixel fails with a
 * {@link GenerationException}, as bad input no tier can fix. A cancelled job fails with a
 * {@link BackendException} whose report says "Processing interrupted".
 *
 * <p>Thread-safe: jobs may run concurrently, each on its calling thread.
 */
public final class CpuPlaceholderBackend implements GenerationBackend {

    private final CpuPlaceholderConfig config;
    private final Placeholders placeholders;
    private final RunningJobs running = new RunningJobs();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A CPU tier.
     *
     * @param config how it writes
     */
    public CpuPlaceholderBackend(CpuPlaceholderConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.placeholders = new Placeholders(config, new Inputs(config.name()));
    }

    /** @return the configuration */
    public CpuPlaceholderConfig config() {
        return config;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return {@code false}: this is the placeholder tier */
    @Override
    public boolean gpuTier() {
        return false;
    }

    /**
     * Makes the placeholder for a job.
     *
     * @throws BackendException      if an input file is missing or unreadable, an output cannot be
     *                               written, or the job was cancelled
     * @throws GenerationException   if the request lacks an input its workflow needs
     * @throws IllegalStateException if the backend is closed or a job with this id is running
     */
    @Override
    public GenerationResult generate(GenerationJob job, ProgressListener listener) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(listener, "listener");
        if (closed.get()) {
            throw new IllegalStateException("backend " + name() + " is closed");
        }
        RunningJobs.Handle handle = running.start(job.jobId());
        long start = config.clock().nanoTime();
        try {
            return render(job, listener, handle, start);
        } finally {
            running.finish(handle);
        }
    }

    private GenerationResult render(GenerationJob job, ProgressListener listener, RunningJobs.Handle handle,
                                    long start) {
        GenerationRequest r = job.request();
        if (r.width() < 1 || r.height() < 1 || r.frames() < 1 || r.fps() < 1) {
            throw new GenerationException("request " + r.summary() + " has a size, frame or fps value below 1");
        }
        Progress progress = new Progress(job.jobId(), listener);
        progress.report("loading", 0.0, "reading inputs");
        VideoOptions sizing = VideoOptions.preview(r.fps(), config.previewLongSide());
        double scale = config.preview() ? sizing.scaleFor(r.width(), r.height()) : 1.0;
        int width = Math.max(1, (int) Math.round(r.width() * scale));
        int height = Math.max(1, (int) Math.round(r.height() * scale));
        Placeholders.Placeholder placeholder = placeholders.build(job, width, height);
        checkCancelled(handle, job);
        String base = OutputNames.base(job.shotId(), job.jobId());
        List<Path> files = new ArrayList<>();
        try {
            int count = placeholder.frames().frameCount();
            MediaOutput video = config.mp4Writer().write(OutputNames.inside(job.outputDir(), base + ".mp4"),
                    placeholder.frames().onEachFrame(quarters(count, done -> progress.rendered(done, count))),
                    VideoOptions.full(r.fps()));
            files.add(video.primaryFile());
            if (placeholder.alpha().isPresent()) {
                progress.report("writing", 0.9, "writing RGBA PNG frames");
                files.addAll(PngFrameWriter.write(OutputNames.inside(job.outputDir(), base + "_rgba"),
                        placeholder.frames(), r.fps()).files());
            }
        } catch (GenerationException e) {
            if (handle.cancelled() || Thread.currentThread().isInterrupted()) {
                throw interrupted(job);
            }
            throw new BackendException(name(), "cannot write placeholder for job " + job.jobId() + ": "
                    + e.getMessage(), 0, e);
        }
        progress.report("done", 1.0, "placeholder written");
        return new GenerationResult(job.jobId(), name(), r, files, scale < 1.0,
                Duration.ofNanos(Math.max(0, config.clock().nanoTime() - start)), 0.0,
                notes(r, placeholder, width, height, scale));
    }

    private static List<String> notes(GenerationRequest r, Placeholders.Placeholder placeholder, int width,
                                      int height, double scale) {
        List<String> notes = new ArrayList<>();
        notes.add("placeholder: " + placeholder.what() + ", made on the CPU, not generated by " + r.modelId());
        if (scale < 1.0) {
            notes.add("preview scale: " + width + "x" + height + " (requested " + r.width() + "x" + r.height()
                    + ")");
        }
        if (placeholder.alpha().isPresent()) {
            notes.add("RGBA PNG frames carry the alpha; the MP4 shows them over black");
        }
        return notes;
    }

    private void checkCancelled(RunningJobs.Handle handle, GenerationJob job) {
        if (handle.cancelled()) {
            throw interrupted(job);
        }
    }

    private BackendException interrupted(GenerationJob job) {
        return new BackendException(name(), "Processing interrupted: job " + job.jobId() + " was cancelled", 0);
    }

    /** Asks a running job to stop; it fails with "Processing interrupted". */
    @Override
    public void cancel(String jobId) {
        running.cancel(Objects.requireNonNull(jobId, "jobId"));
    }

    /**
     * A CPU-only machine: a GPU profile of one byte (the least a profile allows) with zero free, and
     * the JVM's view of memory.
     */
    @Override
    public BackendStats systemStats() {
        Runtime runtime = Runtime.getRuntime();
        GpuProfile none = new GpuProfile("cpu", "CPU (no GPU)", 1, false, false, "");
        return new BackendStats(none, 0, runtime.maxMemory(), runtime.maxMemory() - runtime.totalMemory()
                + runtime.freeMemory(), Map.of("java", Runtime.version().toString()));
    }

    @Override
    public BackendHealth health() {
        return closed.get() ? BackendHealth.down("closed") : BackendHealth.ok("cpu placeholder tier ready");
    }

    /** Refuses further jobs; running ones finish. */
    @Override
    public void close() {
        closed.set(true);
    }

    /** Reports a few progress steps; listener failures are logged and ignored. */
    private record Progress(String jobId, ProgressListener listener) {
        private static final System.Logger LOG = System.getLogger(CpuPlaceholderBackend.class.getName());

        void rendered(int done, int frames) {
            report("rendering", 0.1 + 0.8 * done / Math.max(1, frames), "frame " + done + "/" + frames);
        }

        void report(String phase, double fraction, String message) {
            try {
                listener.onProgress(new JobProgress(jobId, phase, Math.min(1.0, fraction), message));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "progress listener failed for job " + jobId + "; ignored", e);
            }
        }
    }

    /**
     * Calls {@code rendered} with the number of frames done at each quarter of the clip, so a long encode
     * reports progress a few times rather than once per frame.
     */
    static IntConsumer quarters(int count, IntConsumer rendered) {
        int quarter = Math.max(1, count / 4);
        return index -> {
            int done = index + 1;
            if (done % quarter == 0 || done == count) {
                rendered.accept(done);
            }
        };
    }
}
