package dev.storycore.resilience.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.resilience.Classification;
import dev.storycore.resilience.Disposition;
import dev.storycore.resilience.ErrorCategory;
import dev.storycore.resilience.Severity;
import dev.storycore.resilience.recovery.RecoveryStatistics.StrategyStatistics;
import dev.storycore.resilience.testing.FakeClock;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecoveryProcedureTest {

    static final Classification OOM = Classification.of(ErrorCategory.MEMORY, Severity.HIGH,
            Disposition.ADJUST_AND_RETRY, "GPU_OOM", "CUDA out of memory");
    static final Classification REFUSED = Classification.of(ErrorCategory.NETWORK, Severity.LOW,
            Disposition.RETRY_AS_IS, "NET_CONNECTION_REFUSED", "connection refused");
    static final Classification BAD_INPUT = Classification.of(ErrorCategory.VALIDATION, Severity.MEDIUM,
            Disposition.DO_NOT_RETRY, "INVALID_ARGUMENT", "frames must be 4k+1");
    static final Throwable OOM_ERROR = new OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB");

    private final FakeClock clock = new FakeClock();
    private final List<String> ran = new ArrayList<>();

    private RecoveryAction recording(String name, ActionResult result) {
        return context -> {
            ran.add(name);
            return result;
        };
    }

    @Test
    void seedDefaultsProvideTheSeedSlotsByNameInOrder() {
        RecoveryProcedure procedure = RecoveryProcedure.seedDefaults(Map.of());

        assertThat(procedure.name()).isEqualTo("recovery");
        assertThat(procedure.config().strategiesFor(ErrorCategory.NETWORK)).extracting(RecoveryStrategy::name)
                .containsExactly("retry_connection", "use_backup_endpoint", "enable_offline_mode");
        assertThat(procedure.config().strategiesFor(ErrorCategory.MEMORY)).extracting(RecoveryStrategy::name)
                .containsExactly("clear_cache", "reduce_batch_size", "enable_optimization");
        assertThat(procedure.config().strategiesFor(ErrorCategory.MODEL)).extracting(RecoveryStrategy::name)
                .containsExactly("reload_model", "use_fallback_model", "download_model");
        assertThat(procedure.config().strategiesFor(ErrorCategory.WORKFLOW)).extracting(RecoveryStrategy::name)
                .containsExactly("restart_workflow", "use_simpler_workflow", "skip_optional_steps");
        assertThat(procedure.config().strategies().values()).allSatisfy(list ->
                assertThat(list).noneMatch(RecoveryStrategy::bound));
    }

    @Test
    void runsStrategiesInOrderAndStopsAtTheFirstSuccess() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.MEMORY, "clear_cache", recording("clear_cache", ActionResult.failed("still full")))
                .strategy(ErrorCategory.MEMORY, "reduce_frames", recording("reduce_frames", ActionResult.recovered("81 -> 49")))
                .strategy(ErrorCategory.MEMORY, "offload", recording("offload", ActionResult.recovered()))
                .build();

        RecoveryResult result = procedure.recover(OOM, OOM_ERROR);

        assertThat(result.recovered()).isTrue();
        assertThat(result.strategyUsed()).contains("reduce_frames");
        assertThat(ran).containsExactly("clear_cache", "reduce_frames");
        assertThat(result.attempts()).extracting(StrategyAttempt::strategy, StrategyAttempt::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("clear_cache", new ActionResult.Failed("still full")),
                org.assertj.core.groups.Tuple.tuple("reduce_frames", new ActionResult.Recovered("81 -> 49")));
    }

    @Test
    void unboundSeedSlotsReportNotApplicableAndAreSkipped() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock).seedDefaults()
                .bind("reduce_batch_size", recording("reduce_batch_size", ActionResult.recovered()))
                .build();

        RecoveryResult result = procedure.recover(OOM, OOM_ERROR);

        assertThat(result.recovered()).isTrue();
        assertThat(result.strategyUsed()).contains("reduce_batch_size");
        assertThat(result.attempts().getFirst()).isEqualTo(new StrategyAttempt("clear_cache",
                new ActionResult.NotApplicable("no implementation bound"), Duration.ZERO));
        assertThat(ran).containsExactly("reduce_batch_size");
    }

    @Test
    void aCategoryWhoseSlotsAreAllUnboundIsNotRecovered() {
        RecoveryResult result = RecoveryProcedure.seedDefaults(Map.of()).recover(REFUSED, new ConnectException("refused"));

        assertThat(result.recovered()).isFalse();
        assertThat(result.strategyUsed()).isEmpty();
        assertThat(result.attempts()).hasSize(3).allMatch(a -> a.result() instanceof ActionResult.NotApplicable);
    }

    @Test
    void aThrowingStrategyCountsAsFailedAndNeverEscapes() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.NETWORK, "unchecked", context -> {
                    throw new IllegalStateException("pool closed");
                })
                .strategy(ErrorCategory.NETWORK, "checked", context -> {
                    throw new IOException("backup unreachable");
                })
                .strategy(ErrorCategory.NETWORK, "assertion", context -> {
                    throw new AssertionError("bug");
                })
                .strategy(ErrorCategory.NETWORK, "offline", recording("offline", ActionResult.recovered()))
                .build();

        RecoveryResult result = procedure.recover(REFUSED, new ConnectException("refused"));

        assertThat(result.recovered()).isTrue();
        assertThat(result.attempts()).extracting(StrategyAttempt::result).first()
                .isInstanceOfSatisfying(ActionResult.Failed.class, failed ->
                        assertThat(failed.reason()).contains("IllegalStateException").contains("pool closed"));
        assertThat(result.attempts().subList(0, 3)).allMatch(a -> a.result() instanceof ActionResult.Failed);
    }

    @Test
    void aStrategyReturningNullCountsAsFailed() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.MEMORY, "sloppy", context -> null).build();

        RecoveryResult result = procedure.recover(OOM, OOM_ERROR);

        assertThat(result.recovered()).isFalse();
        assertThat(result.attempts().getFirst().result()).isEqualTo(ActionResult.failed("strategy returned no result"));
    }

    @Test
    void anInterruptedStrategyEndsTheRunAndKeepsTheInterruptFlag() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.MEMORY, "wait_for_memory", context -> {
                    throw new InterruptedException("cancelled");
                })
                .strategy(ErrorCategory.MEMORY, "offload", recording("offload", ActionResult.recovered()))
                .build();

        RecoveryResult result = procedure.recover(OOM, OOM_ERROR);

        assertThat(Thread.interrupted()).isTrue();
        assertThat(result.recovered()).isFalse();
        assertThat(result.attempts()).singleElement()
                .extracting(StrategyAttempt::result).isEqualTo(ActionResult.failed("interrupted"));
        assertThat(ran).isEmpty();
    }

    @Test
    void measuresEachAttemptAndTheRunOnTheClock() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.MODEL, "reload_model", context -> {
                    clock.advance(Duration.ofSeconds(2));
                    return ActionResult.failed("checkpoint truncated");
                })
                .strategy(ErrorCategory.MODEL, "use_fallback_model", context -> {
                    clock.advance(Duration.ofSeconds(3));
                    return ActionResult.recovered("wan2.1 1.3B");
                })
                .build();
        var startedAt = clock.instant();
        var modelError = Classification.of(ErrorCategory.MODEL, Severity.CRITICAL, Disposition.DO_NOT_RETRY,
                "WEIGHTS_TRUNCATED", "truncated");

        RecoveryResult result = procedure.recover(modelError, new IllegalStateException("truncated"));

        assertThat(result.startedAt()).isEqualTo(startedAt);
        assertThat(result.attempts()).extracting(StrategyAttempt::duration)
                .containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(result.duration()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void strategiesSeeTheFailureTheirPositionWhatCameBeforeAndTheAttributes() {
        List<RecoveryContext> seen = new ArrayList<>();
        RecoveryAction spy = context -> {
            seen.add(context);
            return ActionResult.failed("no luck");
        };
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock)
                .strategy(ErrorCategory.MEMORY, "first", spy).strategy(ErrorCategory.MEMORY, "second", spy).build();

        procedure.recover(OOM, OOM_ERROR, Map.of("frames", 81));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).classification()).isEqualTo(OOM);
        assertThat(seen.get(0).failure()).isSameAs(OOM_ERROR);
        assertThat(seen.get(0).attempt()).isEqualTo(1);
        assertThat(seen.get(0).previousAttempts()).isEmpty();
        assertThat(seen.get(1).strategy()).isEqualTo("second");
        assertThat(seen.get(1).attempt()).isEqualTo(2);
        assertThat(seen.get(1).previousAttempts()).extracting(StrategyAttempt::strategy).containsExactly("first");
        assertThat(seen.get(1).attribute("frames", Integer.class)).contains(81);
        assertThat(seen.get(1).attribute("frames", String.class)).isEmpty();
    }

    @Test
    void aCategoryWithoutStrategiesIsNotRecovered() {
        RecoveryProcedure procedure = RecoveryProcedure.seedDefaults(Map.of("clear_cache", context -> ActionResult.recovered()));

        RecoveryResult result = procedure.recover(BAD_INPUT, new IllegalArgumentException("frames must be 4k+1"));

        assertThat(result.recovered()).isFalse();
        assertThat(result.attempts()).isEmpty();
        assertThat(procedure.history()).containsExactly(result);
        assertThat(procedure.statistics().runs()).isEqualTo(1);
        assertThat(procedure.statistics().recovered()).isZero();
    }

    @Test
    void historyKeepsTheNewestResultsOnly() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock).historySize(3)
                .strategy(ErrorCategory.MEMORY, "clear_cache", context -> ActionResult.recovered()).build();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            procedure.recover(OOM, OOM_ERROR);
        }

        assertThat(procedure.history()).extracting(RecoveryResult::startedAt).containsExactly(
                clock.instant().minusSeconds(2), clock.instant().minusSeconds(1), clock.instant());
    }

    @Test
    void statisticsCountRunsRecoveriesAndEachStrategysOutcomes() {
        RecoveryProcedure procedure = RecoveryProcedure.builder("gpu").clock(clock).seedDefaults()
                .bind("clear_cache", context -> context.attribute("cache", Boolean.class).orElse(false)
                        ? ActionResult.recovered() : ActionResult.failed("nothing cached"))
                .build();

        procedure.recover(OOM, OOM_ERROR, Map.of("cache", true));
        procedure.recover(OOM, OOM_ERROR);
        procedure.recover(OOM, OOM_ERROR);

        RecoveryStatistics statistics = procedure.statistics();
        assertThat(statistics.runs()).isEqualTo(3);
        assertThat(statistics.recovered()).isEqualTo(1);
        assertThat(statistics.recoveryRate()).isCloseTo(1.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(statistics.strategies()).filteredOn(s -> s.category() == ErrorCategory.MEMORY).containsExactly(
                new StrategyStatistics(ErrorCategory.MEMORY, "clear_cache", true, 3, 1, 2, 0),
                new StrategyStatistics(ErrorCategory.MEMORY, "reduce_batch_size", false, 2, 0, 0, 2),
                new StrategyStatistics(ErrorCategory.MEMORY, "enable_optimization", false, 2, 0, 0, 2));
        assertThat(statistics.strategies()).hasSize(12);
    }
}
