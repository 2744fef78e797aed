package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.BackendException;
import java.util.Objects;

/**
 * A simulated job failed. Callers should treat it as any {@link BackendException}: the
 * {@link #report()} is the text the real stack prints for this kind of failure, for the error
 * classifier to read. {@link #kind()} tells tests and benchmarks what was simulated, so they can
 * check the classifier's verdict against it.
 */
public final class SimulatedFailure extends BackendException {

    private static final long serialVersionUID = 1L;

    private final FaultKind kind;

    /**
     * Creates the failure.
     *
     * @param backend         the backend's name
     * @param kind            what was simulated
     * @param report          what the real stack prints
     * @param gpuSecondsSpent simulated GPU time the attempt burned
     */
    public SimulatedFailure(String backend, FaultKind kind, String report, double gpuSecondsSpent) {
        super(backend, report, gpuSecondsSpent);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** @return what was simulated */
    public FaultKind kind() {
        return kind;
    }
}
