package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.internal.RunningJobs;
import dev.storycore.generation.backend.JobProgress;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.resilience.Sleeper;
import java.time.Duration;
import java.util.List;

/**
 * One attempt moving through its timeline: spends each segment's simulated time through the sleeper,
 * reports progress after each segment, and checks for cancellation before and after every wait.
 * Used by one thread only.
 */
final class JobRun {

    private static final System.Logger LOG = System.getLogger(JobRun.class.getName());

    private final String backend;
    private final String jobId;
    private final List<TimeModel.Segment> segments;
    private final double total;
    private final ProgressListener listener;
    private final RunningJobs.Handle handle;
    private final Sleeper sleeper;
    private final double timeScale;
    private final ReportContext context;
    private double elapsed;
    private int next;
    /** Seconds already spent of segment {@code next}, when a fault or a drop stopped part-way into it. */
    private double intoNext;

    JobRun(String backend, String jobId, List<TimeModel.Segment> segments, ProgressListener listener,
           RunningJobs.Handle handle, Sleeper sleeper, double timeScale, ReportContext context) {
        this.backend = backend;
        this.jobId = jobId;
        this.segments = List.copyOf(segments);
        this.total = segments.stream().mapToDouble(TimeModel.Segment::seconds).sum();
        this.listener = listener;
        this.handle = handle;
        this.sleeper = sleeper;
        this.timeScale = timeScale;
        this.context = context;
    }

    double totalSeconds() {
        return total;
    }

    double elapsed() {
        return elapsed;
    }

    /** When the first segment of a phase starts, in simulated seconds from the job's start. */
    double startOf(String phase) {
        double at = 0;
        for (TimeModel.Segment s : segments) {
            if (s.phase().equals(phase)) {
                return at;
            }
            at += s.seconds();
        }
        return at;
    }

    /** The duration of the first segment of a phase, zero if there is none. */
    double durationOf(String phase) {
        return segments.stream().filter(s -> s.phase().equals(phase)).mapToDouble(TimeModel.Segment::seconds)
                .findFirst().orElse(0);
    }

    void begin(String message) {
        report("queued", message);
    }

    /** Runs whole segments up to (not including) segment {@code end}. */
    void runSegments(int end) {
        while (next < Math.min(end, segments.size())) {
            TimeModel.Segment segment = segments.get(next++);
            spend(segment.seconds() - intoNext);
            intoNext = 0;
            report(segment.phase(), segment.message());
        }
    }

    /** Runs every segment but the last (writing the output), which the caller runs around the file writing. */
    void runAllButLast() {
        runSegments(segments.size() - 1);
    }

    /** Runs what is left. */
    void finish() {
        runSegments(segments.size());
    }

    /** Runs whole segments, then part of the next, until the timeline reaches {@code stopAt} simulated seconds. */
    void runUntil(double stopAt) {
        double end = elapsed - intoNext;
        int last = next;
        while (last < segments.size() && end + segments.get(last).seconds() <= stopAt + 1e-9) {
            end += segments.get(last++).seconds();
        }
        runSegments(last);
        if (stopAt > elapsed) {
            double part = stopAt - elapsed;
            spend(part);
            intoNext += part;
        }
    }

    /** Reports a message at the current point without moving on, e.g. a dropped and restored connection. */
    void note(String message) {
        report(next < segments.size() ? segments.get(next).phase() : "writing", message);
    }

    /** Spends simulated time on something outside the timeline, e.g. waiting for a stalled job. */
    void spend(double seconds) {
        checkCancelled();
        try {
            sleeper.sleep(Duration.ofNanos(Math.round(seconds * timeScale * 1e9)));
        } catch (InterruptedException e) {
            if (!handle.cancelled()) {
                Thread.currentThread().interrupt();
            }
            throw interrupted();
        }
        elapsed += seconds;
        checkCancelled();
    }

    void checkCancelled() {
        if (handle.cancelled()) {
            throw interrupted();
        }
    }

    /** The cancellation failure at the current point of the job. */
    SimulatedFailure interrupted() {
        return new SimulatedFailure(backend, FaultKind.INTERRUPTED,
                ConnectionReports.interrupted(context, nodeAt()), elapsed);
    }

    /** The ComfyUI node running at the current point. */
    String nodeAt() {
        String phase = next < segments.size() ? segments.get(next).phase() : "writing";
        return switch (phase) {
            case "loading" -> "UNETLoader";
            case "encoding" -> "CLIPTextEncode";
            case "sampling" -> "KSampler";
            case "decoding" -> "VAEDecode";
            case "upscaling" -> "ImageUpscaleWithModel";
            default -> "SaveVideo";
        };
    }

    private void report(String phase, String message) {
        double fraction = next == segments.size() || total <= 0 ? 1.0 : Math.min(1.0, elapsed / total);
        try {
            listener.onProgress(new JobProgress(jobId, phase, fraction, message));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "progress listener failed for job " + jobId + "; ignored", e);
        }
    }
}
