package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.CircuitBreakerEvent.CallFailed;
import dev.storycore.resilience.CircuitBreakerEvent.CallIgnored;
import dev.storycore.resilience.CircuitBreakerEvent.CallNotPermitted;
import dev.storycore.resilience.CircuitBreakerEvent.CallSucceeded;
import dev.storycore.resilience.CircuitBreakerEvent.Isolated;
import dev.storycore.resilience.CircuitBreakerEvent.Reason;
import dev.storycore.resilience.CircuitBreakerEvent.Reset;
import dev.storycore.resilience.CircuitBreakerEvent.ResultRecordedAsFailure;
import dev.storycore.resilience.CircuitBreakerEvent.StateTransition;
import dev.storycore.resilience.testing.FakeClock;
import dev.storycore.resilience.testing.RecordingListener;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Events, their order, listeners that misbehave, and statistics. */
class CircuitBreakerEventTest {

    private final FakeClock clock = new FakeClock();
    private final RecordingListener<CircuitBreakerEvent> events = new RecordingListener<>();
    private final CircuitBreaker breaker = CircuitBreaker.builder("events").clock(clock).failureThreshold(2)
            .listener(events).build();

    @Test
    void publishesAWholeCycleCauseBeforeEffect() {
        breaker.onFailure(0, new IOException("a"));
        breaker.onFailure(0, new IOException("b"));
        breaker.tryAcquirePermission();
        clock.advance(Duration.ofSeconds(60));
        breaker.execute(() -> 1);
        breaker.execute(() -> 2);

        assertThat(events.events()).extracting(CircuitBreakerEventTest::describe).containsExactly(
                "CallFailed",
                "CallFailed",
                "StateTransition CLOSED->OPEN FAILURE_THRESHOLD",
                "CallNotPermitted OPEN",
                "StateTransition OPEN->HALF_OPEN OPEN_DURATION_ELAPSED",
                "CallSucceeded",
                "CallSucceeded",
                "StateTransition HALF_OPEN->CLOSED SUCCESS_THRESHOLD");
    }

    @Test
    void publishesManualActionsBeforeTheirTransitions() {
        breaker.isolate();
        breaker.reset();
        breaker.reset();
        breaker.open();

        assertThat(events.events()).extracting(CircuitBreakerEventTest::describe).containsExactly(
                "Isolated",
                "StateTransition CLOSED->ISOLATED ISOLATED",
                "Reset",
                "StateTransition ISOLATED->CLOSED RESET",
                "Reset",
                "StateTransition CLOSED->OPEN OPENED_BY_HAND");
    }

    @Test
    void listenerSeesTheNewStateWhenTheTransitionArrives() {
        List<CircuitState> seen = new ArrayList<>();
        CircuitBreaker[] holder = new CircuitBreaker[1];
        holder[0] = CircuitBreaker.builder("seen").clock(clock).failureThreshold(1)
                .listener(e -> {
                    if (e instanceof StateTransition) {
                        seen.add(holder[0].state());
                    }
                }).build();

        holder[0].onFailure(0, new IOException("down"));

        assertThat(seen).containsExactly(CircuitState.OPEN);
    }

    @Test
    void throwingListenerBreaksNeitherTheCallNorTheOtherListeners() {
        RecordingListener<CircuitBreakerEvent> after = new RecordingListener<>();
        CircuitBreaker noisy = CircuitBreaker.builder("noisy").clock(clock).failureThreshold(1)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(after).build();

        assertThat(noisy.execute(() -> "ok")).isEqualTo("ok");
        noisy.executeOutcome(() -> {
            throw new IOException("down");
        });

        assertThat(noisy.state()).isEqualTo(CircuitState.OPEN);
        assertThat(after.events()).hasSize(3);
    }

    @Test
    void callEventsCarryWhatHappened() {
        CircuitBreaker detailed = CircuitBreaker.builder("detailed").clock(clock).listener(events)
                .ignoreIf(e -> e instanceof IllegalStateException).recordResult(r -> r.equals(-1)).build();
        IOException refused = new IOException("refused");
        IllegalStateException cancelled = new IllegalStateException("cancelled");

        detailed.onSuccess(Duration.ofSeconds(3).toNanos());
        detailed.onFailure(Duration.ofSeconds(4).toNanos(), refused);
        detailed.onFailure(0, cancelled);
        detailed.onResult(0, -1);

        assertThat(events.eventsOf(CallSucceeded.class)).singleElement()
                .extracting(CallSucceeded::duration).isEqualTo(Duration.ofSeconds(3));
        assertThat(events.eventsOf(CallFailed.class)).singleElement()
                .satisfies(e -> assertThat(e.failure()).isSameAs(refused))
                .satisfies(e -> assertThat(e.duration()).isEqualTo(Duration.ofSeconds(4)));
        assertThat(events.eventsOf(CallIgnored.class)).singleElement()
                .extracting(CallIgnored::failure).isSameAs(cancelled);
        assertThat(events.eventsOf(ResultRecordedAsFailure.class)).singleElement()
                .extracting(ResultRecordedAsFailure::result).isEqualTo(-1);
        assertThat(events.events()).allSatisfy(e -> {
            assertThat(e.breakerName()).isEqualTo("detailed");
            assertThat(e.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void refusalEventSaysHowLongTheBreakerStaysOpen() {
        breaker.open();
        clock.advance(Duration.ofSeconds(20));

        breaker.tryAcquirePermission();

        assertThat(events.eventsOf(CallNotPermitted.class)).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(CircuitState.OPEN);
            assertThat(e.remainingOpen()).isEqualTo(Duration.ofSeconds(40));
        });
    }

    @Test
    void statisticsCountEveryKindOfOutcome() {
        CircuitBreaker counted = CircuitBreaker.builder("counted").clock(clock).failureThreshold(3)
                .ignoreIf(e -> e instanceof IllegalStateException).build();
        counted.execute(() -> "ok");
        counted.execute(() -> "ok");
        counted.executeOutcome(() -> {
            throw new IllegalStateException("cancelled");
        });
        for (int i = 0; i < 3; i++) {
            counted.executeOutcome(() -> {
                throw new IOException("down");
            });
        }
        counted.executeOutcome(() -> "refused");
        counted.isolate();

        CircuitBreakerStatistics statistics = counted.statistics();

        assertThat(statistics).isEqualTo(new CircuitBreakerStatistics(2, 3, 1, 1, 0, 2));
        assertThat(statistics.calls()).isEqualTo(7);
    }

    private static String describe(CircuitBreakerEvent event) {
        return switch (event) {
            case StateTransition t -> "StateTransition " + t.from() + "->" + t.to() + " " + t.reason();
            case CallNotPermitted n -> "CallNotPermitted " + n.state();
            case CallSucceeded s -> "CallSucceeded";
            case CallFailed f -> "CallFailed";
            case ResultRecordedAsFailure r -> "ResultRecordedAsFailure";
            case CallIgnored i -> "CallIgnored";
            case Reset r -> "Reset";
            case Isolated i -> "Isolated";
        };
    }
}
