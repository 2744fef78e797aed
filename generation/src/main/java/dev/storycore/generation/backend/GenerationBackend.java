package dev.storycore.generation.backend;

/**
 * Something that turns a {@link GenerationJob} into video: a ComfyUI server, the GPU simulator, or the
 * CPU placeholder tier. Resilient generators talk only to this interface.
 *
 * <p>{@link #generate} blocks until the job finishes (run it on a virtual thread); it reports progress
 * through the listener and fails with a {@link BackendException} whose report is the text the
 * underlying stack printed, so the error classifier reads the same words a person would.
 *
 * <p>Implementations must be thread-safe: several jobs may run at once.
 */
public interface GenerationBackend extends AutoCloseable {

    /**
     * A short name for reports and breaker names, e.g. {@code sim} or {@code comfyui@127.0.0.1:8188}.
     *
     * @return the name
     */
    String name();

    /**
     * Whether this backend renders on a GPU (a real server or the simulator) rather than the CPU
     * placeholder tier.
     *
     * @return {@code true} for a GPU tier
     */
    boolean gpuTier();

    /**
     * Runs one job to the end.
     *
     * @param job      what to generate and where to put it
     * @param listener progress callbacks; may be {@link ProgressListener#NONE}
     * @return what was produced
     * @throws BackendException when the job failed; its report carries what the stack printed
     */
    GenerationResult generate(GenerationJob job, ProgressListener listener);

    /**
     * Asks the backend to stop a running job; the job's {@link #generate} then fails with an
     * interruption. Does nothing if the job is unknown or finished.
     *
     * @param jobId the job
     */
    void cancel(String jobId);

    /**
     * The backend's device and versions now.
     *
     * @return the stats
     * @throws BackendException when the backend cannot be reached
     */
    BackendStats systemStats();

    /**
     * Whether the backend can take work now; never throws.
     *
     * @return the health
     */
    BackendHealth health();

    /**
     * Frees cached models and GPU memory, as after an out-of-memory error. Default: nothing to free.
     */
    default void freeMemory() {
    }

    /** Releases connections and threads; default: nothing to release. */
    @Override
    default void close() {
    }
}
