package dev.storycore.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.resilience.testing.RecordingListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackChainTest {

    private record Shot(int height, String model) {
    }

    private static FallbackChain.Builder<Shot, String> tiers() {
        return FallbackChain.<Shot, String>builder("tiers")
                .level("primary", shot -> {
                    if (shot.height() > 480) {
                        throw new IOException("out of memory at " + shot.height() + "p");
                    }
                    return "primary " + shot.height();
                })
                .level("reduced", shot -> "reduced " + Math.min(shot.height(), 480) + "p " + shot.model())
                .level("placeholder", shot -> "placeholder");
    }

    @Test
    void returnsThePrimaryResultWhenItSucceeds() {
        FallbackResult<String> result = tiers().build().executeWithLevel(new Shot(480, "wan"));

        assertThat(result.value()).isEqualTo("primary 480");
        assertThat(result.level()).isEqualTo("primary");
        assertThat(result.fellBack()).isFalse();
    }

    @Test
    void eachLevelReceivesTheOriginalInputSoItCanChangeTheRequest() {
        FallbackResult<String> result = tiers().build().executeWithLevel(new Shot(720, "wan-14b"));

        assertThat(result.value()).isEqualTo("reduced 480p wan-14b");
        assertThat(result.levelIndex()).isEqualTo(1);
        assertThat(result.earlierFailures()).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualTo("primary"));
    }

    @Test
    void exhaustionCarriesEveryLevelsFailureInOrder() {
        var first = new IOException("one");
        var second = new IllegalStateException("two");
        FallbackChain<String, String> chain = FallbackChain.<String, String>builder("all-fail")
                .level("a", in -> { throw first; })
                .level("b", in -> { throw second; })
                .build();

        assertThatThrownBy(() -> chain.execute("x"))
                .isInstanceOfSatisfying(FallbackChainExhaustedException.class, e -> {
                    assertThat(e.chainName()).isEqualTo("all-fail");
                    assertThat(e.failures()).extracting(FallbackChainExhaustedException.LevelFailure::level)
                            .containsExactly("a", "b");
                    assertThat(e.getCause()).isSameAs(second);
                    assertThat(e.getSuppressed()).containsExactly(first);
                });
    }

    @Test
    void failuresTheFallThroughPredicateRejectsAreRethrownAtOnce() {
        List<String> ran = new ArrayList<>();
        FallbackChain<String, String> chain = FallbackChain.<String, String>builder("strict")
                .fallThroughIf(e -> !(e instanceof IllegalArgumentException))
                .level("a", in -> { ran.add("a"); throw new IllegalArgumentException("bad prompt"); })
                .level("b", in -> { ran.add("b"); return "b"; })
                .build();

        assertThatThrownBy(() -> chain.execute("x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ran).containsExactly("a");
    }

    @Test
    void checkedFailuresThatDoNotFallThroughAreWrapped() {
        var failure = new IOException("disk");
        FallbackChain<String, String> chain = FallbackChain.<String, String>builder("wrap")
                .fallThroughIf(e -> false)
                .level("a", in -> { throw failure; })
                .build();

        assertThatThrownBy(() -> chain.execute("x")).isInstanceOf(CallFailedException.class).hasCause(failure);
    }

    @Test
    void countsAttemptsSuccessesAndFailuresPerLevel() {
        FallbackChain<Shot, String> chain = tiers().build();
        chain.execute(new Shot(720, "m"));
        chain.execute(new Shot(480, "m"));

        assertThat(chain.statistics()).containsExactly(
                new FallbackChain.LevelStatistics("primary", 2, 1, 1),
                new FallbackChain.LevelStatistics("reduced", 1, 1, 0),
                new FallbackChain.LevelStatistics("placeholder", 0, 0, 0));
    }

    @Test
    void publishesLevelEventsAndSurvivesAThrowingListener() {
        var recorder = new RecordingListener<FallbackEvent>();
        FallbackChain<Shot, String> chain = tiers()
                .listener(event -> { throw new IllegalStateException("listener bug"); })
                .listener(recorder)
                .build();

        assertThat(chain.execute(new Shot(720, "m"))).startsWith("reduced");
        assertThat(recorder.events()).hasSize(2);
        assertThat(recorder.events().get(0)).isInstanceOf(FallbackEvent.LevelFailed.class);
        assertThat(recorder.events().get(1)).isEqualTo(new FallbackEvent.LevelSucceeded("tiers", "reduced", 1));
    }

    @Test
    void outcomeVariantReportsExhaustionAsAFailureValue() {
        FallbackChain<String, String> chain = FallbackChain.<String, String>builder("c")
                .level("only", in -> { throw new IOException("down"); })
                .build();

        Outcome<String> outcome = chain.executeOutcome("x");

        assertThat(outcome).isInstanceOfSatisfying(Outcome.Failure.class,
                f -> assertThat(f.error()).isInstanceOf(FallbackChainExhaustedException.class));
    }

    @Test
    void rejectsAChainWithoutLevelsOrWithDuplicateNames() {
        assertThatThrownBy(() -> FallbackChain.<String, String>builder("empty").build())
                .hasMessageContaining("levels");
        assertThatThrownBy(() -> FallbackChain.<String, String>builder("dup")
                .level("a", in -> in).level("a", in -> in))
                .hasMessageContaining("levelName");
        assertThatThrownBy(() -> FallbackChain.builder(" ")).hasMessageContaining("name");
    }

    @Test
    void listsLevelNamesInOrder() {
        assertThat(tiers().build().levelNames()).containsExactly("primary", "reduced", "placeholder");
    }
}
