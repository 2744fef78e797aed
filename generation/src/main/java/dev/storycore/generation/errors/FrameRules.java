package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.TEMPORAL_PROCESSING;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.resilience.Disposition.ADJUST_AND_RETRY;
import static dev.storycore.resilience.Severity.MEDIUM;

import dev.storycore.generation.model.FrameRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Rules for frame counts: a count off the model's {@code Nk+1} grid (4k+1 for HunyuanVideo and Wan,
 * 8k+1 for LTX-Video, however the rule is written), a count beyond what the model supports, and
 * inputs whose frame counts disagree with each other or with the generation (a control video, mask or
 * reference shorter than the requested length, pixel frames where latent frames were expected).
 */
final class FrameRules {

    /** Words for a frame count. */
    private static final String FRAMES = "(?:num_frames|frame_num|video[_ ]length|frames?|frame count|length)";

    /** {@code Nk+1} and {@code 1+N*k}, with the step in group 1 or 2. */
    private static final String STEP_PLUS_ONE =
            "\\b(\\d{1,2})\\s*\\*?\\s*[kn]\\s*\\+\\s*1\\b|\\b1\\s*\\+\\s*(\\d{1,2})\\s*\\*?\\s*[kn]\\b";

    private static final Function<ErrorReport, Map<String, String>> STEP = Facts.firstOf("step",
            "\\b(\\d{1,2})\\s*\\*?\\s*[kn]\\s*\\+\\s*1\\b", "\\b1\\s*\\+\\s*(\\d{1,2})\\s*\\*?\\s*[kn]\\b",
            FRAMES + "`?\\s*-\\s*1\\b[^\\n]{0,60}(?:divisible by|multiples? of)\\s*(\\d{1,2})\\b",
            FRAMES + "[^\\n]{0,20}%\\s*(\\d{1,2})\\s*==",
            "\\b1\\s*(?:mod|modulo)\\s*(\\d{1,2})\\b");

    /** The count the text says was given; "the 1 in 8k+1 frames" is part of the rule, not a count. */
    private static final Function<ErrorReport, Map<String, String>> FRAME_COUNT = Facts.firstOf("frames",
            "num_frames\\s*[=:]\\s*(\\d+)", "(?:length|frames)\\s*[=:]\\s*(\\d+)",
            "\\b(?:got|received|given|but (?:is|was))\\s*:?\\s*(\\d+)\\b", "(?<![+\\d])\\b(\\d+)\\s+frames\\b");

    private static final Rule FRAMES_OFF_GRID =
            Rule.of("frames-4k-plus-1", "FRAMES_NOT_4K_PLUS_1", TEMPORAL_PROCESSING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern(FRAMES + "[^\\n]{0,80}(?:" + STEP_PLUS_ONE
                                    + "|divisible by 4\\b|multiple of 4\\b)"),
                            // 4k+1 and 8k+1 are frame rules wherever they appear; other steps need frame words.
                            pattern("\\b[48]\\s*\\*?\\s*[kn]\\s*\\+\\s*1\\b|\\b1\\s*\\+\\s*[48]\\s*\\*?\\s*[kn]\\b"),
                            // "`video_length - 1` must be a multiple of 8", "(num_frames - 1) % 4 == 0".
                            pattern(FRAMES + "`?\\s*-\\s*1\\b[^\\n]{0,60}(?:divisible by|multiples? of)\\s*\\d"),
                            pattern(FRAMES + "[^\\n]{0,60}\\bone more than a multiple of\\s*\\d"),
                            pattern(FRAMES + "\\s*%\\s*\\d+\\s*==\\s*1\\b|\\(\\s*" + FRAMES
                                    + "\\s*-\\s*1\\s*\\)\\s*%\\s*\\d+\\s*==\\s*0"),
                            pattern(FRAMES + "[^\\n]{0,80}\\b1\\s*(?:mod|modulo)\\s*\\d+\\b")))
                    .reads(FrameRules::gridFacts)
                    .says("The frame count[ {frames}] is not of the form {step}k+1[ for {model}][; nearest valid:"
                            + " {nearest}].")
                    .advises("Snap the frame count to {step}k+1[ ({nearest})]: the video VAE compresses {step}"
                                    + " frames into one latent frame and keeps the first frame on its own.",
                            "ComfyUI length widgets step by 4 from 1; diffusers rounds with a warning.");

    private static final Rule FRAME_COUNT_RANGE =
            Rule.of("frame-count-range", "FRAME_COUNT_OUT_OF_RANGE", TEMPORAL_PROCESSING, ADJUST_AND_RETRY,
                            MEDIUM)
                    .when(any(pattern("(?:num_frames|frame_num|video[_ ]length|frames?|frame count)[^\\n]{0,40}"
                                    + "(?:exceeds?|too (?:many|long|large)|at most|must be (?:less|smaller|<=)"
                                    + "|greater than the max|maximum of)"),
                            pattern("(?:exceeds?|more than|maximum of|at most)[^\\n]{0,30}\\b\\d+\\s+frames\\b"),
                            pattern("temporal[^\\n]{0,60}(?:mismatch|exceed|too (?:long|large))")))
                    .reads(Facts.firstOf("frames", "(\\d+)\\s+frames\\b", "num_frames\\s*[=:]?\\s*(\\d+)"))
                    .says("The frame count[ {frames}] is outside what[ {model}] supports.")
                    .advises("Use the model's trained length (HunyuanVideo 129, Wan 14B 81, Wan2.2 TI2V-5B 121)"
                                    + " or generate longer videos in segments.");

    private static final Rule FRAME_COUNT_MISMATCH =
            Rule.of("frame-count-mismatch", "FRAME_COUNT_MISMATCH", TEMPORAL_PROCESSING, ADJUST_AND_RETRY, MEDIUM)
                    .when(any(pattern("(?:number of frames|frame counts?|num_frames|video lengths?|frame lengths?"
                                    + "|lengths? of the (?:videos?|masks?|frames))[^\\n]{0,60}(?:do(?:es)?n't match"
                                    + "|do(?:es)? not match|must match|must be (?:the same|equal)|mismatch|differ)"),
                            // "Mask length (49) does not match the number of frames": the length named first.
                            pattern("\\b(?:masks?|videos?|control|reference|guide)[ _]?(?:length|frame count)\\b"
                                    + "[^\\n]{0,40}"
                                    + "(?:do(?:es)?n't match|do(?:es)? not match|must match|mismatch|differ)"),
                            pattern("expected \\d+ frames?,? (?:but )?(?:got|found|received|has|have) \\d+"),
                            pattern("\\b\\d+ frames\\b[^\\n]{0,60}\\bbut\\b[^\\n]{0,60}\\b\\d+ frames\\b"),
                            pattern("fewer frames than|not enough frames|too few frames|frames? (?:is|are) too short"),
                            TensorShapes::differOnlyInTime))
                    .reads(TensorShapes::sizeFacts)
                    .says("Frame counts do not agree[ ({sizeA} vs {sizeB})][ in {node}][ for {model}]: an input"
                            + " video, mask or control has a different length than the generation, pixel"
                            + " frames met latent frames, or a count off the model's grid did not split into"
                            + " latent frames.")
                    .advises("Give every video input (control video, mask, reference frames) the frame count of"
                                    + " the generation, or set the length to what the inputs have.",
                            "Windowed or extended generation needs inputs at least one window long.",
                            "Keep the frame count on the model's grid (4k+1) so every part computes the same"
                                    + " number of latent frames.");

    private FrameRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                FRAMES_OFF_GRID,
                FRAME_COUNT_RANGE,
                FRAME_COUNT_MISMATCH);
    }

    /** The step of the rule (4 unless the text says), the stated count, and the valid counts around it. */
    private static Map<String, String> gridFacts(ErrorReport report) {
        Map<String, String> values = new HashMap<>(FRAME_COUNT.apply(report));
        int step = Integer.parseInt(STEP.apply(report).getOrDefault("step", "4"));
        if (step < 2) {
            step = 4;
        }
        values.put("step", Integer.toString(step));
        String frames = values.get("frames");
        if (frames != null && frames.length() < 6) {
            FrameRule rule = new FrameRule(step, 1);
            int count = Integer.parseInt(frames);
            if (!rule.accepts(count)) {
                int below = rule.floor(count);
                int above = rule.ceil(count);
                values.put("nearest", below == above || count <= 1 ? Integer.toString(above) : below + " or " + above);
            }
        }
        return values;
    }
}
