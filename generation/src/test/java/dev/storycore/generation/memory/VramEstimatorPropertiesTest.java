package dev.storycore.generation.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.Offload;
import dev.storycore.generation.request.Precision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws the estimate obeys for every built-in model and any request. */
class VramEstimatorPropertiesTest {

    private static final ModelRegistry MODELS = ModelRegistry.builtIn();
    private final VramEstimator estimator = new VramEstimator();

    @Provide
    Arbitrary<GenerationRequest> requests() {
        var base = Combinators.combine(
                Arbitraries.of(MODELS.all()),
                Arbitraries.integers().between(64, 2048),
                Arbitraries.integers().between(64, 2048),
                Arbitraries.integers().between(1, 200),
                Arbitraries.of(Precision.class),
                Arbitraries.of(Offload.class),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as((model, width, height, frames, precision, offload, tiling, textOnCpu) ->
                        GenerationRequest.builder(model.workflows().iterator().next(), model.id())
                                .size(width, height).frames(frames).precision(precision).offload(offload)
                                .vaeTiling(tiling).textEncoderOnCpu(textOnCpu).build());
        return Combinators.combine(base, Arbitraries.integers().between(1, 3), Arbitraries.of(128, 256, 512, 1024))
                .as((request, batch, tile) -> request.toBuilder().batchSize(batch).vaeTileSize(tile).build());
    }

    @Property
    void moreFramesNeverNeedLessMemory(@ForAll("requests") GenerationRequest request,
            @ForAll @IntRange(min = 1, max = 64) int extra) {
        assertThat(peak(request.toBuilder().frames(request.frames() + extra).build()))
                .isGreaterThanOrEqualTo(peak(request));
    }

    @Property
    void largerFramesNeverNeedLessMemory(@ForAll("requests") GenerationRequest request,
            @ForAll @IntRange(min = 1, max = 512) int extraWidth,
            @ForAll @IntRange(min = 0, max = 512) int extraHeight) {
        var larger = request.toBuilder().size(request.width() + extraWidth, request.height() + extraHeight).build();
        assertThat(peak(larger)).isGreaterThanOrEqualTo(peak(request));
    }

    @Property
    void aLargerBatchNeverNeedsLessMemory(@ForAll("requests") GenerationRequest request) {
        assertThat(peak(request.toBuilder().batchSize(request.batchSize() + 1).build()))
                .isGreaterThanOrEqualTo(peak(request));
    }

    @Property
    void offloadNeverRaisesTheEstimate(@ForAll("requests") GenerationRequest request) {
        long none = peak(request.toBuilder().offload(Offload.NONE).build());
        long model = peak(request.toBuilder().offload(Offload.MODEL).build());
        long sequential = peak(request.toBuilder().offload(Offload.SEQUENTIAL).build());
        assertThat(model).isLessThanOrEqualTo(none);
        assertThat(sequential).isLessThanOrEqualTo(model);
    }

    @Property
    void fp8NeverRaisesTheEstimate(@ForAll("requests") GenerationRequest request) {
        assertThat(peak(request.toBuilder().precision(Precision.FP8).build()))
                .isLessThanOrEqualTo(peak(request.toBuilder().precision(Precision.BF16).build()));
    }

    @Property
    void vaeTilingNeverRaisesTheEstimate(@ForAll("requests") GenerationRequest request) {
        assertThat(peak(request.toBuilder().vaeTiling(true).build()))
                .isLessThanOrEqualTo(peak(request.toBuilder().vaeTiling(false).build()));
    }

    @Property
    void theTextEncoderOnTheCpuNeverRaisesTheEstimate(@ForAll("requests") GenerationRequest request) {
        assertThat(peak(request.toBuilder().textEncoderOnCpu(true).build()))
                .isLessThanOrEqualTo(peak(request.toBuilder().textEncoderOnCpu(false).build()));
    }

    @Property
    void thePeakIsTheLargestPhase(@ForAll("requests") GenerationRequest request) {
        VramEstimate estimate = estimator.estimate(model(request), request);
        assertThat(estimate.peakBytes()).isEqualTo(
                Math.max(estimate.encodeBytes(), Math.max(estimate.denoiseBytes(), estimate.decodeBytes())));
        assertThat(estimate.peakBytes()).isGreaterThan(VramEstimator.RUNTIME_OVERHEAD_BYTES);
    }

    private long peak(GenerationRequest request) {
        return estimator.estimate(model(request), request).peakBytes();
    }

    private static ModelSpec model(GenerationRequest request) {
        return MODELS.require(request.modelId());
    }
}
