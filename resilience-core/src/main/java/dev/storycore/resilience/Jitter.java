package dev.storycore.resilience;

import dev.storycore.resilience.internal.Checks;

/**
 * How a retry spreads its waits so that many callers failing together do not retry together. With
 * {@code b} the {@linkplain Backoff#baseDelay(int) base delay} of a retry, {@code M} the
 * {@linkplain Backoff#maxDelay() cap}, {@code d0} the {@linkplain Backoff#initialDelay() initial
 * delay}, {@code p} the previous wait (at least {@code d0}) and {@code u} uniform in {@code [0, 1)} from
 * the retry's {@link RandomSource}, the wait is:
 *
 * <table>
 *   <caption>Waits per mode</caption>
 *   <tr><th>mode</th><th>wait</th><th>bounds</th></tr>
 *   <tr><td>{@link #NONE}</td><td>{@code b}</td><td>exactly {@code b}</td></tr>
 *   <tr><td>{@link Proportional}({@code f})</td><td>{@code min(M, b × (1 + f × (2u − 1)))}</td>
 *       <td>{@code [b × (1 − f), min(M, b × (1 + f))]}</td></tr>
 *   <tr><td>{@link #FULL}</td><td>{@code u × b}</td><td>{@code [0, b]}</td></tr>
 *   <tr><td>{@link #DECORRELATED}</td><td>{@code min(M, d0 + u × (3p − d0))}</td>
 *       <td>{@code [d0, M]}</td></tr>
 * </table>
 *
 * <p>Waits are rounded to the nearest nanosecond, never negative and never above {@code M}.
 * Decorrelated jitter ignores the exponential factor: each wait grows from the previous one instead
 * (the "decorrelated jitter" of the AWS architecture blog); full jitter is its "full jitter".
 *
 * <p>Values are immutable and thread-safe.
 */
public sealed interface Jitter permits Jitter.None, Jitter.Proportional, Jitter.Full, Jitter.Decorrelated {

    /** The default spread of {@link #PROPORTIONAL}: ±25 %. */
    double DEFAULT_FACTOR = 0.25;

    /** No jitter: every wait is the base delay. */
    Jitter NONE = new None();

    /** The default jitter of a retry: ±25 % around the base delay. */
    Jitter PROPORTIONAL = new Proportional(DEFAULT_FACTOR);

    /** Uniform in {@code [0, base delay]}. */
    Jitter FULL = new Full();

    /** Uniform in {@code [initial delay, 3 × previous wait]}, capped. */
    Jitter DECORRELATED = new Decorrelated();

    /** No jitter; use {@link #NONE}. */
    record None() implements Jitter {
    }

    /**
     * A spread of ± {@code factor} around the base delay.
     *
     * @param factor the spread, in {@code [0, 1]}
     */
    record Proportional(double factor) implements Jitter {
        /**
         * Checks the factor.
         *
         * @throws IllegalArgumentException if {@code factor} is outside {@code [0, 1]} or NaN
         */
        public Proportional {
            Checks.inRange(factor, 0.0, 1.0, "factor");
        }
    }

    /** Full jitter; use {@link #FULL}. */
    record Full() implements Jitter {
    }

    /** Decorrelated jitter; use {@link #DECORRELATED}. */
    record Decorrelated() implements Jitter {
    }

    /**
     * A proportional jitter.
     *
     * @param factor the spread, in {@code [0, 1]}; 0.25 means ±25 %
     * @return the jitter
     * @throws IllegalArgumentException if {@code factor} is outside {@code [0, 1]}
     */
    static Jitter proportional(double factor) {
        return new Proportional(factor);
    }
}
