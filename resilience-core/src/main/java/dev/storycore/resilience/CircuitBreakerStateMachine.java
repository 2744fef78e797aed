package dev.storycore.resilience;

import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerState.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The breaker's state machine, shared by both threshold modes; the subclasses decide only what a
 * closed breaker does with an outcome.
 *
 * <p>Implementation notes. All state lives in one immutable {@link CircuitBreakerState} in one
 * {@link AtomicReference}. Every update reads it, builds the next state with a pure function and
 * installs it by compare-and-set, retrying on a lost race; events, counters and user code come only
 * after a successful swap, so a retried update never repeats a side effect. Nothing locks.
 *
 * <ul>
 *   <li>Closed fast path: {@link #acquirePermit()} is one volatile read that returns the state's
 *       generation. A consecutive-mode success with no failures pending reads the state once more and
 *       writes nothing but the success counter; the failure-rate mode adds one compare-and-set on a
 *       preallocated window word ({@link CircuitBreakerWindow}). Neither allocates.
 *   <li>Half-open admission: a probe is taken by compare-and-set of {@code probesInFlight + 1}, only
 *       while the probes running (this period's plus those left over from earlier half-open periods)
 *       are below the limit, so at most {@code permittedCallsInHalfOpen} probes ever run at once.
 *   <li>Permits: a permit is the generation it was granted in, shifted left, with the low bit set for
 *       a probe. The generation grows on every change of state. An outcome with a permit of an older
 *       generation is counted in the statistics and may free an earlier probe's slot, but decides
 *       nothing, so a long call admitted before the breaker opened can neither close nor re-open it.
 *       The boolean protocol stands for the most plausible permit ({@link CircuitBreakerState#guessPermit()}).
 *   <li>Allocation happens on state changes, on failures in consecutive mode (a new state with the
 *       count), on refusals by {@code execute} (the exception) and for a registered listener (events).
 * </ul>
 */
abstract sealed class CircuitBreakerStateMachine implements CircuitBreaker
        permits CircuitBreakerConsecutiveMachine, CircuitBreakerRateMachine {

    /** Passed as {@code now} when no clock reading was taken; readers take their own. */
    static final long NO_TIME = Long.MIN_VALUE;

    final Clock clock;
    final AtomicReference<CircuitBreakerState> ref;
    final CircuitBreakerEvents events;
    private final CircuitBreakerConfig config;
    private final boolean needsTime;
    private final boolean measuresDuration;
    private final long slowNanos;
    private final int permittedInHalfOpen;
    private final int successThreshold;
    private final boolean checksResults;
    private final CircuitBreakerCounters counters = new CircuitBreakerCounters();

    /**
     * @param needsTime whether outcomes need the clock reading of their completion
     * @param slowNanos the slow-call duration; {@code Long.MAX_VALUE} when no call is slow, in which
     *                  case calls are not timed at all
     */
    CircuitBreakerStateMachine(CircuitBreakerConfig config, boolean needsTime, long slowNanos) {
        this.config = config;
        this.clock = config.clock();
        this.needsTime = needsTime;
        this.measuresDuration = slowNanos != Long.MAX_VALUE;
        this.slowNanos = slowNanos;
        this.permittedInHalfOpen = config.permittedCallsInHalfOpen();
        this.successThreshold = config.successThreshold();
        this.checksResults = config.recordResult() != CircuitBreakerConfig.NO_FAILED_RESULT;
        this.events = new CircuitBreakerEvents(config);
        this.ref = new AtomicReference<>(CircuitBreakerState.initial(clock.nanoTime()));
    }

    // ---- what the modes decide ------------------------------------------------------------------

    /** A success of the current closed generation {@code s}; returns the change it caused, if any. */
    abstract Change closedSuccess(CircuitBreakerState s, boolean slow, long now);

    /** A failure of the current closed generation {@code s}; returns the change it caused, if any. */
    abstract Change closedFailure(CircuitBreakerState s, boolean slow, long now);

    /** How far a close moves the window offset; zero when there is no window. */
    abstract long windowShift();

    /** The snapshot of state {@code s}, with the mode's rates and counts. */
    abstract CircuitBreakerSnapshot snapshot(CircuitBreakerState s, long now, Duration remaining, Instant since);

    // ---- permission ---------------------------------------------------------------------------------

    @Override
    public final long acquirePermit() {
        CircuitBreakerState s = ref.get();
        return s.state() == CircuitState.CLOSED ? s.generation() << 1 : acquireWhenNotClosed(s);
    }

    private long acquireWhenNotClosed(CircuitBreakerState s) {
        long now = clock.nanoTime();
        while (true) {
            CircuitBreakerState next = switch (s.state()) {
                case CLOSED -> s;
                case OPEN -> s.openDurationElapsed(now) ? s.halfOpened(now) : null;
                case HALF_OPEN -> s.runningProbes() < permittedInHalfOpen ? s.withProbeTaken() : null;
                case ISOLATED -> null;
            };
            if (next == null) {
                counters.notPermitted.increment();
                events.notPermitted(s.state(), s.remainingOpenNanos(now));
                return NO_PERMIT;
            }
            if (next == s) {
                return s.generation() << 1;
            }
            if (!ref.compareAndSet(s, next)) {
                s = ref.get();
            } else if (s.state() == CircuitState.OPEN) {
                changed(new Change(s, next, Reason.OPEN_DURATION_ELAPSED));
                s = next; // now compete for a probe like every other caller
            } else {
                return CircuitBreakerState.probePermit(next.generation());
            }
        }
    }

    @Override
    public final boolean tryAcquirePermission() {
        return acquirePermit() != NO_PERMIT;
    }

    @Override
    public final void releasePermit(long permit) {
        returnProbe(ref.get(), permit);
    }

    @Override
    public final void releasePermission() {
        CircuitBreakerState s = ref.get();
        returnProbe(s, s.guessPermit());
    }

    @Override
    public final CircuitOpenException rejection() {
        return new CircuitOpenException(config.name(), remainingOpenTime(), config.writableStackTrace());
    }

    // ---- outcomes -----------------------------------------------------------------------------------

    @Override
    public final void onPermitSuccess(long permit, long durationNanos) {
        counted(ref.get(), permit, durationNanos, NO_TIME, false, null, null);
    }

    @Override
    public final void onSuccess(long durationNanos) {
        CircuitBreakerState s = ref.get();
        counted(s, s.guessPermit(), durationNanos, NO_TIME, false, null, null);
    }

    @Override
    public final void onPermitResult(long permit, long durationNanos, Object result) {
        returned(ref.get(), permit, durationNanos, result, NO_TIME);
    }

    @Override
    public final void onResult(long durationNanos, Object result) {
        CircuitBreakerState s = ref.get();
        returned(s, s.guessPermit(), durationNanos, result, NO_TIME);
    }

    @Override
    public final void onPermitFailure(long permit, long durationNanos, Throwable failure) {
        threw(ref.get(), permit, durationNanos, Objects.requireNonNull(failure, "failure"), NO_TIME);
    }

    @Override
    public final void onFailure(long durationNanos, Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        CircuitBreakerState s = ref.get();
        threw(s, s.guessPermit(), durationNanos, failure, NO_TIME);
    }

    private void returned(CircuitBreakerState s, long permit, long nanos, Object result, long now) {
        if (checksResults && CircuitBreakerVerdict.resultFails(config, result)) {
            counted(s, permit, nanos, now, true, null, result);
        } else {
            counted(s, permit, nanos, now, false, null, null);
        }
    }

    private void threw(CircuitBreakerState s, long permit, long nanos, Throwable failure, long now) {
        switch (CircuitBreakerVerdict.ofFailure(config, failure)) {
            case FAILURE -> counted(s, permit, nanos, now, true, failure, null);
            case SUCCESS -> counted(s, permit, nanos, now, false, null, null);
            case IGNORED -> {
                counters.ignored.increment();
                returnProbe(s, permit);
                events.ignored(nanos, failure);
            }
        }
    }

    /**
     * Counts a success or a failure and applies it to the state of its generation. {@code thrown} is
     * the failure thrown, or {@code null} for a success or a value {@code recordResult} counts.
     */
    private void counted(CircuitBreakerState s, long permit, long nanos, long now, boolean failure,
            Throwable thrown, Object result) {
        (failure ? counters.failures : counters.successes).increment();
        boolean slow = nanos >= slowNanos;
        if (slow) {
            counters.slowCalls.increment();
        }
        Change change = null;
        if (s.generation() == permit >>> 1) {
            change = switch (s.state()) {
                case CLOSED -> failure ? closedFailure(s, slow, now) : closedSuccess(s, slow, now);
                case HALF_OPEN -> probeCompleted(s, permit, !failure && !slow, now);
                case OPEN, ISOLATED -> null;
            };
        } else {
            returnProbe(s, permit); // a call from an earlier period decides nothing, but may free a slot
        }
        if (!failure) {
            events.succeeded(nanos, slow);
        } else if (thrown != null) {
            events.failed(nanos, slow, thrown);
        } else {
            events.resultFailed(nanos, slow, result);
        }
        changed(change);
    }

    // ---- half-open ----------------------------------------------------------------------------------

    /** A probe finished; {@code good} counts toward closing, anything else re-opens. */
    private Change probeCompleted(CircuitBreakerState s, long permit, boolean good, long now) {
        long time = now == NO_TIME ? clock.nanoTime() : now;
        while (s.isCurrentProbe(permit)) {
            CircuitBreakerState done = good ? s.withProbeSucceeded() : s.withProbeReturned();
            CircuitBreakerState next = done;
            Reason reason = null;
            if (!good) {
                int reopens = s.reopens() == Integer.MAX_VALUE ? Integer.MAX_VALUE : s.reopens() + 1;
                next = done.opened(time, config.openNanosAfter(reopens), reopens);
                reason = Reason.PROBE_FAILED;
            } else if (done.probeSuccesses() >= successThreshold) {
                next = done.closed(time, windowShift());
                reason = Reason.SUCCESS_THRESHOLD;
            }
            if (ref.compareAndSet(s, next)) {
                return reason == null ? null : new Change(s, next, reason);
            }
            s = ref.get();
        }
        returnProbe(s, permit); // the period ended meanwhile: this probe now holds an earlier slot
        return null;
    }

    /** Frees the slot of a probe that decides nothing: released, ignored, or from an earlier period. */
    private void returnProbe(CircuitBreakerState s, long permit) {
        while (true) {
            CircuitBreakerState next;
            if (s.isCurrentProbe(permit)) {
                next = s.withProbeReturned();
            } else if (s.isEarlierProbe(permit)) {
                next = s.withEarlierProbeReturned();
            } else {
                return;
            }
            if (ref.compareAndSet(s, next)) {
                return;
            }
            s = ref.get();
        }
    }

    /** Installs an open state over closed {@code s} if {@code s} is still current; one attempt. */
    final Change openFrom(CircuitBreakerState s, long now, Reason reason) {
        CircuitBreakerState next = s.opened(now, config.openNanosAfter(0), 0);
        return ref.compareAndSet(s, next) ? new Change(s, next, reason) : null;
    }

    /** Counts and publishes a change after its swap; {@code null} means there was none. */
    final void changed(Change change) {
        if (change != null && change.from().state() != change.to().state()) {
            counters.transitions.increment();
            events.transitioned(change.from().state(), change.to().state(), change.reason());
        }
    }

    // ---- execution ----------------------------------------------------------------------------------

    @Override
    public final <T> T execute(Call<T> call) {
        return CircuitBreakerCalls.execute(this, call);
    }

    @Override
    public final <T> Outcome<T> executeOutcome(Call<T> call) {
        return CircuitBreakerCalls.executeOutcome(this, call);
    }

    /** The clock reading to time a call from, or 0 when no call can be slow (a clock read saved). */
    final long startTime() {
        return measuresDuration ? clock.nanoTime() : 0;
    }

    /** Reports a call started at {@link #startTime()} that threw. */
    final void threw(long permit, long start, Throwable failure) {
        long end = needsTime || measuresDuration ? clock.nanoTime() : NO_TIME;
        threw(ref.get(), permit, measuresDuration ? end - start : 0, failure, end);
    }

    /** Reports a call started at {@link #startTime()} that returned. */
    final void returned(long permit, long start, Object result) {
        long end = needsTime || measuresDuration ? clock.nanoTime() : NO_TIME;
        returned(ref.get(), permit, measuresDuration ? end - start : 0, result, end);
    }

    // ---- by hand ------------------------------------------------------------------------------------

    @Override
    public final void isolate() {
        long now = clock.nanoTime();
        Change change = swap(s -> s.state() == CircuitState.ISOLATED ? null : s.isolated(now), Reason.ISOLATED);
        events.isolated();
        changed(change);
    }

    @Override
    public final void open() {
        long now = clock.nanoTime();
        changed(swap(s -> s.opened(now, config.openNanosAfter(0), 0), Reason.OPENED_BY_HAND));
    }

    @Override
    public final void reset() {
        long now = clock.nanoTime();
        Change change = swap(s -> s.reset(now, windowShift()), Reason.RESET);
        events.reset();
        changed(change);
    }

    /** Applies a pure update until it sticks; the update returns {@code null} for "no change". */
    private Change swap(UnaryOperator<CircuitBreakerState> update, Reason reason) {
        while (true) {
            CircuitBreakerState s = ref.get();
            CircuitBreakerState next = update.apply(s);
            if (next == null) {
                return null;
            }
            if (ref.compareAndSet(s, next)) {
                return new Change(s, next, reason);
            }
        }
    }

    // ---- reading ------------------------------------------------------------------------------------

    @Override
    public final String name() {
        return config.name();
    }

    @Override
    public final CircuitBreakerConfig config() {
        return config;
    }

    @Override
    public final CircuitState state() {
        return ref.get().state();
    }

    @Override
    public final Duration remainingOpenTime() {
        return Duration.ofNanos(ref.get().remainingOpenNanos(clock.nanoTime()));
    }

    @Override
    public final CircuitBreakerSnapshot snapshot() {
        CircuitBreakerState s = ref.get();
        long now = clock.nanoTime();
        Instant since = clock.instant().minusNanos(now - s.sinceNanos());
        return snapshot(s, now, Duration.ofNanos(s.remainingOpenNanos(now)), since);
    }

    @Override
    public final CircuitBreakerStatistics statistics() {
        return counters.statistics();
    }

    @Override
    public final String toString() {
        return "CircuitBreaker[" + config.name() + ", " + state() + "]";
    }
}
