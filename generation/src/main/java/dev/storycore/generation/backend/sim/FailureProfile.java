package dev.storycore.generation.backend.sim;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How often the simulated stack fails for reasons that have nothing to do with the request: the
 * server refusing connections, a dropped WebSocket, a crashed worker, a silent stall. Each job draws
 * once from these probabilities, independently of every other job, so a retry of the same request
 * can succeed. Faults the request causes (out of memory, a corrupt or missing model) are not drawn:
 * they happen under every profile, every time the same request runs.
 *
 * <table>
 * <caption>Per-attempt probabilities</caption>
 * <tr><th>profile</th><th>refused</th><th>dropped</th><th>crash</th><th>stall</th><th>any</th></tr>
 * <tr><td>NONE</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
 * <tr><td>MILD</td><td>3 %</td><td>3 %</td><td>2 %</td><td>2 %</td><td>10 %</td></tr>
 * <tr><td>HARSH</td><td>9 %</td><td>9 %</td><td>6 %</td><td>6 %</td><td>30 %</td></tr>
 * </table>
 * A dropped connection fails the attempt only when the simulator is told its client does not re-attach
 * ({@link GpuSimulatorConfig#reattachAfterDrop()}); by default the job runs on, so under HARSH 21 % of
 * attempts fail by chance and four in a row all fail with probability 0.21<sup>4</sup> ≈ 0.2 %: a client
 * that retries transient failures delivers essentially every job.
 */
public enum FailureProfile {
    /** Nothing fails by chance. */
    NONE(0, 0, 0, 0),
    /** A flaky home server: about one attempt in ten fails by chance. */
    MILD(0.03, 0.03, 0.02, 0.02),
    /** A bad day on a shared cluster: three attempts in ten fail by chance. */
    HARSH(0.09, 0.09, 0.06, 0.06);

    private final double refused;
    private final double dropped;
    private final double crash;
    private final double stall;

    FailureProfile(double refused, double dropped, double crash, double stall) {
        this.refused = refused;
        this.dropped = dropped;
        this.crash = crash;
        this.stall = stall;
    }

    /** @return the chance that the server refuses the connection before the job starts */
    public double refusedProbability() {
        return refused;
    }

    /** @return the chance that the connection drops while the job runs; whether that fails it is up to the client */
    public double droppedProbability() {
        return dropped;
    }

    /** @return the chance that the worker process dies while the job runs */
    public double crashProbability() {
        return crash;
    }

    /** @return the chance that the job goes silent until the client's timeout */
    public double stallProbability() {
        return stall;
    }

    /** @return the chance that an attempt fails by chance at all, the sum of the four */
    public double transientProbability() {
        return refused + dropped + crash + stall;
    }

    /**
     * The transient fault a uniform draw in [0, 1) selects, if any.
     *
     * @param draw the draw
     * @return the fault kind, or empty for none
     */
    Optional<FaultKind> select(double draw) {
        double[] edges = {refused, dropped, crash, stall};
        FaultKind[] kinds = {FaultKind.CONNECTION_REFUSED, FaultKind.CONNECTION_DROPPED, FaultKind.WORKER_CRASHED,
            FaultKind.STALLED};
        double edge = 0;
        for (int i = 0; i < edges.length; i++) {
            edge += edges[i];
            if (draw < edge) {
                return Optional.of(kinds[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a profile name, ignoring case: {@code none}, {@code mild} or {@code harsh}.
     *
     * @param name the name
     * @return the profile
     * @throws IllegalArgumentException naming the value and the choices if it is none of them
     */
    public static FailureProfile parse(String name) {
        Objects.requireNonNull(name, "name");
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failure profile must be none, mild or harsh, was '" + name + "'", e);
        }
    }
}
