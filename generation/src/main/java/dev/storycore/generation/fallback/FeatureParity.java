package dev.storycore.generation.fallback;

import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What an alternative model keeps, loses and adds compared with a target model. The features
 * compared are the target's workflows (text-to-video, image-to-video, …, transparent video), its
 * largest native resolution (kept within 5 %, so 1280x704 keeps 720p), its frame rate, its longest
 * clip and its parameter count (kept within 10 %, counting the parameters active per step). Immutable.
 *
 * @param kept   the target's features the alternative has, e.g. {@code text-to-video}, {@code 24 fps}
 * @param lost   those it lacks, with what it has instead, e.g. {@code 720p (up to 832x480)}
 * @param gained workflows it has that the target lacks
 * @param share  kept features over all the target's features, in [0, 1]
 */
public record FeatureParity(List<String> kept, List<String> lost, List<String> gained, double share) {

    /** Checks the share and copies the lists. */
    public FeatureParity {
        kept = List.copyOf(kept);
        lost = List.copyOf(lost);
        gained = List.copyOf(gained);
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1], was " + share);
        }
    }

    /**
     * Compares an alternative with a target.
     *
     * @param target      the model wanted
     * @param alternative the model considered instead
     * @return what is kept, lost and gained
     */
    public static FeatureParity compare(ModelSpec target, ModelSpec alternative) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(alternative, "alternative");
        List<String> kept = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        for (Workflow workflow : target.workflows().stream().sorted().toList()) {
            (alternative.supports(workflow) ? kept : lost).add(label(workflow));
        }
        FrameSize targetSize = largest(target);
        FrameSize alternativeSize = largest(alternative);
        String resolution = shortSide(targetSize) + "p";
        if (shortSide(alternativeSize) >= shortSide(targetSize) * 0.95) {
            kept.add(resolution + " (" + alternativeSize + ")");
        } else {
            lost.add(resolution + " (up to " + alternativeSize + ")");
        }
        compare(alternative.fps() >= target.fps(), target.fps() + " fps", alternative.fps() + " fps", kept, lost);
        compare(alternative.maxFrames() >= target.maxFrames(), target.maxFrames() + " frames",
                "up to " + alternative.maxFrames(), kept, lost);
        compare(alternative.activeParametersBillions() >= target.activeParametersBillions() * 0.9,
                billions(target.activeParametersBillions()) + " parameters",
                billions(alternative.activeParametersBillions()) + ": less detail and motion fidelity", kept, lost);
        List<String> gained = alternative.workflows().stream().sorted().filter(w -> !target.supports(w))
                .map(FeatureParity::label).toList();
        double share = (double) kept.size() / (kept.size() + lost.size());
        return new FeatureParity(kept, lost, gained, share);
    }

    /**
     * A workflow as people say it, e.g. {@code image-to-video}.
     *
     * @param workflow the workflow
     * @return the label
     */
    public static String label(Workflow workflow) {
        return switch (workflow) {
            case TEXT_TO_VIDEO -> "text-to-video";
            case IMAGE_TO_VIDEO -> "image-to-video";
            case TEXT_IMAGE_TO_VIDEO -> "text+image-to-video";
            case UPSCALE -> "upscale";
            case TRANSPARENT_VIDEO -> "transparent video";
            case INPAINT -> "inpaint";
        };
    }

    static FrameSize largest(ModelSpec model) {
        return model.nativeSizes().stream().max(Comparator.comparingLong(FrameSize::area)).orElseThrow();
    }

    private static int shortSide(FrameSize size) {
        return Math.min(size.width(), size.height());
    }

    private static void compare(boolean has, String feature, String instead, List<String> kept, List<String> lost) {
        if (has) {
            kept.add(feature);
        } else {
            lost.add(feature + " (" + instead + ")");
        }
    }

    private static String billions(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "B";
    }
}
