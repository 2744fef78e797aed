package dev.storycore.resilience;

/**
 * The state of a {@link CircuitBreaker}.
 *
 * <pre>
 *   CLOSED    ── failure threshold or rate reached ───────────▶ OPEN
 *   OPEN      ── open duration elapsed, on the next request ──▶ HALF_OPEN
 *   HALF_OPEN ── success threshold reached ───────────────────▶ CLOSED
 *   HALF_OPEN ── a probe failed ──────────────────────────────▶ OPEN
 *   any       ── open() ──────────────────────────────────────▶ OPEN
 *   any       ── isolate() ───────────────────────────────────▶ ISOLATED
 *   any       ── reset() ─────────────────────────────────────▶ CLOSED
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum CircuitState {

    /** Calls run; outcomes are counted. */
    CLOSED,

    /** Calls are refused until the open duration has elapsed. */
    OPEN,

    /** A limited number of probe calls run at once; their outcomes close or re-open the breaker. */
    HALF_OPEN,

    /** Forced open by hand: every call is refused until {@link CircuitBreaker#reset()}. */
    ISOLATED;

    /**
     * Whether this state refuses every call. {@link #HALF_OPEN} is not refusing: it admits probes.
     *
     * @return {@code true} for {@link #OPEN} and {@link #ISOLATED}
     */
    public boolean refusesCalls() {
        return switch (this) {
            case OPEN, ISOLATED -> true;
            case CLOSED, HALF_OPEN -> false;
        };
    }
}
