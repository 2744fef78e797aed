package dev.storycore.generation.backend;

import dev.storycore.generation.GenerationException;
import java.util.Objects;

/**
 * A job failed on a backend. {@link #report()} is what the underlying stack printed — a ComfyUI
 * {@code execution_error} JSON, a PyTorch traceback, "Connection refused" — for the error classifier;
 * {@link #gpuSecondsSpent()} is the GPU time the failed attempt burned.
 */
public class BackendException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final String backend;
    private final String report;
    private final double gpuSecondsSpent;

    /**
     * Creates the exception.
     *
     * @param backend         the backend's name
     * @param report          what the stack printed
     * @param gpuSecondsSpent GPU time burned by the failed attempt
     * @param cause           the underlying exception, or {@code null}
     */
    public BackendException(String backend, String report, double gpuSecondsSpent, Throwable cause) {
        super(backend + ": " + firstLine(Objects.requireNonNull(report, "report")), cause);
        this.backend = Objects.requireNonNull(backend, "backend");
        this.report = report;
        this.gpuSecondsSpent = gpuSecondsSpent;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param backend         the backend's name
     * @param report          what the stack printed
     * @param gpuSecondsSpent GPU time burned by the failed attempt
     */
    public BackendException(String backend, String report, double gpuSecondsSpent) {
        this(backend, report, gpuSecondsSpent, null);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    /** The backend's name. */
    public String backend() {
        return backend;
    }

    /** What the underlying stack printed, in full. */
    public String report() {
        return report;
    }

    /** GPU time the failed attempt burned, in seconds. */
    public double gpuSecondsSpent() {
        return gpuSecondsSpent;
    }
}
