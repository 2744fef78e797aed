package dev.storycore.generation.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.MemoryFigure;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import org.junit.jupiter.api.Test;

/** Each published memory figure, reproduced within ±15 % under the conditions it was published with. */
class VramEstimatorCalibrationTest {

    private static final double TOLERANCE = 0.15;
    private final ModelRegistry models = ModelRegistry.builtIn();
    private final VramEstimator estimator = new VramEstimator();

    @Test
    void hunyuanVideo720pWith129FramesPeaksNear60Gb() {
        assertWithinTolerance(peakGb("hunyuan-video-t2v", 1280, 720, 129, tiled()), 60);
    }

    @Test
    void hunyuanVideo544pWith129FramesPeaksNear45Gb() {
        assertWithinTolerance(peakGb("hunyuan-video-t2v", 960, 544, 129, tiled()), 45);
    }

    @Test
    void hunyuanVideoFp8WeightsSaveAbout10Gb() {
        double bf16 = peakGb("hunyuan-video-t2v", 1280, 720, 129, tiled());
        double fp8 = peakGb("hunyuan-video-t2v", 1280, 720, 129, tiled().precision(Precision.FP8));
        assertWithinTolerance(bf16 - fp8, 10);
    }

    @Test
    void hunyuanVideoI2v720pPeaksNear60Gb() {
        var request = GenerationRequest.builder(Workflow.IMAGE_TO_VIDEO, "hunyuan-video-i2v").vaeTiling(true);
        assertWithinTolerance(peakGb("hunyuan-video-i2v", 1280, 720, 129, request), 60);
    }

    @Test
    void wan13bAt480pWithOffloadAndT5OnCpuPeaksNear8Point19Gb() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b")
                .offload(Offload.MODEL).textEncoderOnCpu(true);
        assertWithinTolerance(peakGb("wan2.1-t2v-1.3b", 832, 480, 81, request), 8.19);
    }

    @Test
    void wan22Ti2v5bAt720pWithOffloadBf16AndT5OnCpuFitsIn24Gb() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b")
                .offload(Offload.MODEL).precision(Precision.BF16).textEncoderOnCpu(true);
        assertFitsAndIsNear(peakGb("wan2.2-ti2v-5b", 1280, 704, 121, request), 24);
    }

    @Test
    void wan22A14bAt720pWithOffloadAndBf16FitsIn80Gb() {
        for (String id : new String[] {"wan2.2-t2v-a14b", "wan2.2-i2v-a14b"}) {
            var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, id)
                    .offload(Offload.MODEL).precision(Precision.BF16);
            assertFitsAndIsNear(peakGb(id, 1280, 720, 81, request), 80);
        }
    }

    @Test
    void everyBuiltInFigureNamesItsSourceAndConditions() {
        for (ModelSpec model : models.all()) {
            for (MemoryFigure figure : model.memoryFigures()) {
                assertThat(figure.source()).as(model.id()).isNotBlank();
                assertThat(figure.conditions()).as(model.id()).isNotBlank();
            }
        }
        assertThat(models.all().stream().mapToInt(m -> m.memoryFigures().size()).sum()).isGreaterThanOrEqualTo(7);
    }

    private double peakGb(String id, int width, int height, int frames,
            dev.storycore.generation.request.GenerationRequestBuilder builder) {
        ModelSpec model = models.require(id);
        var request = builder.modelId(id).size(width, height).frames(frames).build();
        return GpuProfile.gigabytes(estimator.estimate(model, request).peakBytes());
    }

    private static dev.storycore.generation.request.GenerationRequestBuilder tiled() {
        return GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "hunyuan-video-t2v").vaeTiling(true);
    }

    private static void assertWithinTolerance(double estimateGb, double publishedGb) {
        assertThat(estimateGb).isCloseTo(publishedGb, within(publishedGb * TOLERANCE));
    }

    /** A "fits within" figure: at most the figure, and within 15 % of it (the authors would say less otherwise). */
    private static void assertFitsAndIsNear(double estimateGb, double fitsWithinGb) {
        assertThat(estimateGb).isLessThanOrEqualTo(fitsWithinGb).isGreaterThanOrEqualTo(fitsWithinGb * (1 - TOLERANCE));
    }
}
