package dev.storycore.generation.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.Workflow;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestValidatorTest {

    private final RequestValidator validator = new RequestValidator(ModelRegistry.builtIn());

    private static GenerationRequestBuilder wan13b() {
        return GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b").prompt("a fox in snow")
                .size(832, 480).frames(81);
    }

    static Stream<Arguments> repairable() {
        return Stream.of(
                adjust("width 1000 snaps to 992 (tie goes down)", b -> b.size(1000, 480), "width", "1000", "992"),
                adjust("height 470 snaps to 464", b -> b.size(832, 470), "height", "470", "464"),
                adjust("frames 80 snap to 81", b -> b.frames(80), "frames", "80", "81"),
                adjust("frames 79 snap to 77", b -> b.frames(79), "frames", "79", "77"),
                adjust("frames over the maximum are cut to 81", b -> b.frames(200), "frames", "200", "81"),
                adjust("zero steps become 1", b -> b.steps(0), "steps", "0", "1"),
                adjust("500 steps are clamped to 150", b -> b.steps(500), "steps", "500", "150"),
                adjust("cfg 0.5 is raised to 1", b -> b.cfg(0.5), "cfg", "0.5", "1.0"),
                adjust("cfg 35 is clamped to 20", b -> b.cfg(35), "cfg", "35.0", "20.0"),
                adjust("fps 0 becomes the model's 16", b -> b.fps(0), "fps", "0", "16"),
                adjust("fps 240 is clamped to 120", b -> b.fps(240), "fps", "240", "120"),
                adjust("batch 0 becomes 1", b -> b.batchSize(0), "batchSize", "0", "1"),
                adjust("tile 100 is raised to 128", b -> b.vaeTiling(true).vaeTileSize(100), "vaeTileSize", "100",
                        "128"),
                adjust("tile 300 snaps to 288", b -> b.vaeTiling(true).vaeTileSize(300), "vaeTileSize", "300", "288"));
    }

    private static Arguments adjust(String name, UnaryOperator<GenerationRequestBuilder> change, String field,
            String from, String to) {
        return Arguments.of(name, change, field, from, to);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repairable")
    void snapsWhatItCanAndSaysWhy(String name, UnaryOperator<GenerationRequestBuilder> change, String field,
            String from, String to) {
        ValidationResult result = validator.validate(change.apply(wan13b()).build());
        assertThat(result.valid()).isTrue();
        assertThat(result.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.field()).isEqualTo(field);
            assertThat(adjustment.from()).isEqualTo(from);
            assertThat(adjustment.to()).isEqualTo(to);
            assertThat(adjustment.reason()).isNotBlank();
        });
    }

    static Stream<Arguments> unrepairable() {
        return Stream.<Object[]>of(
                new Object[] {"empty prompt for text-to-video", (UnaryOperator<GenerationRequestBuilder>) b ->
                        b.prompt("  "), "TEXT_TO_VIDEO needs a prompt"},
                new Object[] {"unsupported workflow", (UnaryOperator<GenerationRequestBuilder>) b ->
                        b.workflow(Workflow.IMAGE_TO_VIDEO).inputImage("a.png"),
                        "wan2.1-t2v-1.3b does not support IMAGE_TO_VIDEO (supports [TEXT_TO_VIDEO])"},
                new Object[] {"negative width", (UnaryOperator<GenerationRequestBuilder>) b -> b.size(-832, 480),
                        "width must be positive, was -832"},
                new Object[] {"width over 4096", (UnaryOperator<GenerationRequestBuilder>) b -> b.size(8192, 480),
                        "width 8192 is over the 4096-pixel limit"},
                new Object[] {"zero frames", (UnaryOperator<GenerationRequestBuilder>) b -> b.frames(0),
                        "frames must be positive, was 0"},
                new Object[] {"NaN cfg", (UnaryOperator<GenerationRequestBuilder>) b -> b.cfg(Double.NaN),
                        "cfg must be a finite number >= 0, was NaN"},
                new Object[] {"negative steps", (UnaryOperator<GenerationRequestBuilder>) b -> b.steps(-3),
                        "steps must not be negative, was -3"},
                new Object[] {"negative seed", (UnaryOperator<GenerationRequestBuilder>) b -> b.seed(-1),
                        "seed must not be negative"},
                new Object[] {"unknown model", (UnaryOperator<GenerationRequestBuilder>) b -> b.modelId("sora"),
                        "unknown model 'sora'"})
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unrepairable")
    void rejectsWhatCannotBeRepairedWithAClearMessage(String name, UnaryOperator<GenerationRequestBuilder> change,
            String problem) {
        ValidationResult result = validator.validate(change.apply(wan13b()).build());
        assertThat(result.valid()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains(problem));
    }

    @Test
    void imageWorkflowsNeedTheirInputs() {
        var i2v = GenerationRequest.builder(Workflow.IMAGE_TO_VIDEO, "wan2.1-i2v-14b-480p").build();
        assertThat(validator.validate(i2v).problems()).containsExactly(
                "IMAGE_TO_VIDEO needs an input image, and none is given");
        assertThat(validator.validate(i2v.toBuilder().inputImage("first.png").build()).valid()).isTrue();
        var inpaint = GenerationRequest.builder(Workflow.INPAINT, "wan2.1-vace-14b").build();
        assertThat(validator.validate(inpaint).problems()).containsExactly(
                "INPAINT needs a source video, and none is given", "INPAINT needs a mask, and none is given");
        var ti2v = GenerationRequest.builder(Workflow.TEXT_IMAGE_TO_VIDEO, "wan2.2-ti2v-5b").size(1280, 704)
                .frames(121).build();
        assertThat(validator.validate(ti2v).problems()).hasSize(2);
    }

    @Test
    void ti2v5bSnapsTo32PixelMultiplesSo720Becomes704() {
        var request = GenerationRequest.builder(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b").prompt("a fox")
                .size(1280, 720).frames(121).build();
        ValidationResult result = validator.validate(request);
        assertThat(result.request().size()).hasToString("1280x704");
        assertThat(result.adjustments()).singleElement().hasToString(
                "height 720 -> 704: not a multiple of 32, which the model requires");
    }

    @Test
    void aValidRequestPassesUnchanged() {
        GenerationRequest request = wan13b().build();
        ValidationResult result = validator.validate(request);
        assertThat(result.valid()).isTrue();
        assertThat(result.adjustments()).isEmpty();
        assertThat(result.request()).isEqualTo(request);
        assertThat(result.requireValid()).isEqualTo(request);
    }

    @Test
    void collectsEveryProblemAndAdjustmentAtOnce() {
        ValidationResult result = validator.validate(wan13b().prompt("").size(1000, 470).frames(80).seed(-5).build());
        assertThat(result.problems()).hasSize(2);
        assertThat(result.adjustments()).extracting(Adjustment::field).containsExactly("width", "height", "frames");
        assertThat(result.request().size()).hasToString("992x464");
    }

    @Test
    void requireValidThrowsOneLineListingEveryProblem() {
        ValidationResult result = validator.validate(wan13b().prompt("").frames(0).build());
        assertThatThrownBy(result::requireValid).isInstanceOf(InvalidRequestException.class)
                .hasMessage("invalid request for wan2.1-t2v-1.3b: TEXT_TO_VIDEO needs a prompt, and the prompt is"
                        + " empty; frames must be positive, was 0")
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).hasSize(2));
    }

    @Test
    void modelIdIsNormalisedToTheRegistrysSpelling() {
        ValidationResult result = validator.validate(wan13b().modelId("WAN2.1-T2V-1.3B").build());
        assertThat(result.request().modelId()).isEqualTo("wan2.1-t2v-1.3b");
    }
}
