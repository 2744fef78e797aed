package dev.storycore.resilience.degradation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DegradationLevelTest {

    @ParameterizedTest
    @CsvSource({"FULL,1.0", "HIGH,0.8", "MEDIUM,0.6", "LOW,0.4", "MINIMAL,0.2"})
    void eachLevelHasItsQuality(DegradationLevel level, double quality) {
        assertThat(level.quality()).isEqualTo(quality);
    }

    @Test
    void levelsRunFromFullToMinimalInOrder() {
        assertThat(DegradationLevel.values()).containsExactly(DegradationLevel.FULL, DegradationLevel.HIGH,
                DegradationLevel.MEDIUM, DegradationLevel.LOW, DegradationLevel.MINIMAL);
        assertThat(DegradationLevel.MINIMAL.stepsBelowFull()).isEqualTo(4);
    }

    @Test
    void lowerStepsDownAndStopsAtMinimal() {
        assertThat(DegradationLevel.FULL.lower()).isEqualTo(DegradationLevel.HIGH);
        assertThat(DegradationLevel.LOW.lower()).isEqualTo(DegradationLevel.MINIMAL);
        assertThat(DegradationLevel.MINIMAL.lower()).isEqualTo(DegradationLevel.MINIMAL);
    }

    @Test
    void higherStepsUpAndStopsAtFull() {
        assertThat(DegradationLevel.MINIMAL.higher()).isEqualTo(DegradationLevel.LOW);
        assertThat(DegradationLevel.HIGH.higher()).isEqualTo(DegradationLevel.FULL);
        assertThat(DegradationLevel.FULL.higher()).isEqualTo(DegradationLevel.FULL);
    }

    @ParameterizedTest(name = "{0}: 1080p/50 steps/121 frames -> {1}/{2}/{3}")
    @CsvSource({
        "FULL,1080p,50,121",
        "HIGH,720p,40,121",
        "MEDIUM,540p,30,93",
        "LOW,480p,20,61",
        "MINIMAL,360p,10,33"})
    void adjustsFullQualitySettingsForEveryLevel(DegradationLevel level, String resolution, int steps, int frames) {
        AdjustedSettings adjusted = level.adjust(new QualitySettings("1080p", 50, 121));

        assertThat(adjusted).isEqualTo(new AdjustedSettings(level, level.quality(), resolution, steps, frames));
    }

    @ParameterizedTest(name = "{0}: 720p/30 steps/81 frames -> {1}/{2}/{3}")
    @CsvSource({
        "FULL,720p,30,81",
        "HIGH,540p,24,81",
        "MEDIUM,480p,18,61",
        "LOW,360p,12,41",
        "MINIMAL,360p,6,21"})
    void resolutionStopsAtTheBottomRung(DegradationLevel level, String resolution, int steps, int frames) {
        AdjustedSettings adjusted = level.adjust(new QualitySettings("720p", 30, 81));

        assertThat(adjusted.resolution()).isEqualTo(resolution);
        assertThat(adjusted.inferenceSteps()).isEqualTo(steps);
        assertThat(adjusted.frames()).isEqualTo(frames);
    }

    @Test
    void frameCountsThatAreNotFourKPlusOneAreScaledPlainly() {
        assertThat(DegradationLevel.LOW.adjust(new QualitySettings("480p", 20, 48)).frames()).isEqualTo(24);
        assertThat(DegradationLevel.MINIMAL.adjust(new QualitySettings("480p", 20, 2)).frames()).isEqualTo(1);
    }

    @Test
    void neverGoesBelowOneStepOrOneFrameGroup() {
        AdjustedSettings adjusted = DegradationLevel.MINIMAL.adjust(new QualitySettings("360p", 2, 5));

        assertThat(adjusted.inferenceSteps()).isEqualTo(1);
        assertThat(adjusted.frames()).isEqualTo(5);
        assertThat(adjusted.resolution()).isEqualTo("360p");
    }

    @Test
    void settingsRejectResolutionsOffTheLadderAndCountsBelowOne() {
        assertThatThrownBy(() -> new QualitySettings("832x480", 20, 33))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resolution");
        assertThatThrownBy(() -> new QualitySettings("720p", 0, 33))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inferenceSteps");
        assertThatThrownBy(() -> new QualitySettings("720p", 20, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frames");
    }

    @Property
    void adjustingKeepsFourKPlusOneAndNeverRaisesAnything(
            @ForAll DegradationLevel level, @ForAll @IntRange(min = 1, max = 200) int steps,
            @ForAll @IntRange(min = 0, max = 100) int k, @ForAll @IntRange(min = 0, max = 4) int rung) {
        int frames = 4 * k + 1;
        AdjustedSettings adjusted = level.adjust(new QualitySettings(QualitySettings.RESOLUTIONS.get(rung), steps, frames));

        assertThat(adjusted.frames() % 4).isEqualTo(1);
        assertThat(adjusted.frames()).isBetween(1, frames);
        assertThat(adjusted.inferenceSteps()).isBetween(1, steps);
        assertThat(QualitySettings.RESOLUTIONS.indexOf(adjusted.resolution())).isGreaterThanOrEqualTo(rung);
    }

    @Property
    void aLowerLevelNeverAsksForMoreWork(
            @ForAll DegradationLevel level, @ForAll @IntRange(min = 1, max = 200) int steps,
            @ForAll @IntRange(min = 1, max = 400) int frames) {
        var settings = new QualitySettings("1080p", steps, frames);
        AdjustedSettings here = level.adjust(settings);
        AdjustedSettings below = level.lower().adjust(settings);

        assertThat(below.inferenceSteps()).isLessThanOrEqualTo(here.inferenceSteps());
        assertThat(below.frames()).isLessThanOrEqualTo(here.frames());
        assertThat(below.quality()).isLessThanOrEqualTo(here.quality());
    }
}
