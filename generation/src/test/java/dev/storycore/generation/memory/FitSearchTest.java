package dev.storycore.generation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import org.junit.jupiter.api.Test;

class FitSearchTest {

    private final ModelRegistry models = ModelRegistry.builtIn();

    @Test
    void smallerSizesKeepTheAspectAndPreferNativeSizes() {
        ModelSpec wan14b = models.require("wan2.1-t2v-14b");
        var sizes = FitSearch.smallerSizes(wan14b, new FrameSize(1280, 720), FitSearch.RESOLUTION_FLOOR);
        assertThat(sizes).contains(new FrameSize(832, 480)).doesNotContain(new FrameSize(848, 480));
        assertThat(sizes).extracting(FrameSize::area).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(sizes).allMatch(s -> s.width() % 16 == 0 && s.height() % 16 == 0 && s.landscape());
        assertThat(sizes.get(sizes.size() - 1).height()).isEqualTo(320);
    }

    @Test
    void portraitStaysPortrait() {
        ModelSpec wan14b = models.require("wan2.1-t2v-14b");
        assertThat(FitSearch.smallerSizes(wan14b, new FrameSize(720, 1280), 480))
                .allMatch(s -> s.height() > s.width()).contains(new FrameSize(480, 832));
    }

    @Test
    void cutsNeverGoBelowHalfTheClip() {
        ModelSpec hunyuan = models.require("hunyuan-video-t2v");
        assertThat(FitSearch.minimumFrames(hunyuan, 129)).isEqualTo(65);
        assertThat(FitSearch.minimumFrames(hunyuan, 25)).isEqualTo(17);
        assertThat(FitSearch.minimumFrames(hunyuan, 9)).isEqualTo(9);
    }

    @Test
    void findsTheLongestClipThatFitsAndNoLonger() {
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        var request = GenerationRequest.builder(wan, Workflow.TEXT_TO_VIDEO).textEncoderOnCpu(true).build();
        long budget = GpuProfile.bytes(6);
        int frames = FitSearch.largestFittingFrames(wan, request, 1, budget, 1.0).orElseThrow();
        assertThat(FitSearch.fits(wan, request.toBuilder().frames(frames).build(), budget, 1.0)).isTrue();
        assertThat(FitSearch.fits(wan, request.toBuilder().frames(frames + 4).build(), budget, 1.0)).isFalse();
        assertThat(frames).isLessThan(81);
        assertThat(FitSearch.largestFittingFrames(wan, request, 1, GpuProfile.bytes(1), 1.0)).isEmpty();
    }

    @Test
    void aCorrectionCutsFurther() {
        ModelSpec wan = models.require("wan2.1-t2v-1.3b");
        var request = GenerationRequest.builder(wan, Workflow.TEXT_TO_VIDEO).textEncoderOnCpu(true).build();
        long budget = GpuProfile.bytes(8);
        int trusted = FitSearch.largestFittingFrames(wan, request, 1, budget, 1.0).orElseThrow();
        int corrected = FitSearch.largestFittingFrames(wan, request, 1, budget, 1.5).orElseThrow();
        assertThat(corrected).isLessThan(trusted);
    }

    @Test
    void retargetingSnapsToTheNewModelsRules() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "hunyuan-video-t2v").size(1280, 720)
                .frames(129).build();
        GenerationRequest moved = FitSearch.retarget(request, models.require("wan2.2-ti2v-5b"));
        assertThat(moved.modelId()).isEqualTo("wan2.2-ti2v-5b");
        assertThat(moved.size()).isEqualTo(new FrameSize(1280, 704));
        assertThat(moved.frames()).isEqualTo(121);
    }
}
