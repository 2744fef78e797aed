package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.media.AlphaExtractor;
import dev.storycore.generation.media.FrameFormat;
import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.InpaintFiller;
import dev.storycore.generation.media.LanczosUpscaler;
import dev.storycore.generation.media.PanZoomRenderer;
import dev.storycore.generation.media.TitleCard;
import dev.storycore.generation.media.TitleCardRenderer;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Optional;

/**
 * Builds the placeholder clip for each workflow at the output size: a title card for text-to-video, a
 * pan and zoom over the input image for image-to-video, a Lanczos resample of the source for
 * upscaling, a keyed clip for transparent video and a filled clip for inpainting. A request that lacks
 * what its workflow needs (no image, mask or source) is bad input and fails with a
 * {@link GenerationException}; a named file that is missing fails through {@link Inputs}.
 */
final class Placeholders {

    private final CpuPlaceholderConfig config;
    private final Inputs inputs;

    Placeholders(CpuPlaceholderConfig config, Inputs inputs) {
        this.config = config;
        this.inputs = inputs;
    }

    /**
     * What to write.
     *
     * @param frames the clip at the output size
     * @param alpha  how to key it, for transparent video
     * @param what   a few words on what the placeholder shows
     */
    record Placeholder(FrameSource frames, Optional<KeyChoice.Choice> alpha, String what) {
    }

    Placeholder build(GenerationJob job, int width, int height) {
        GenerationRequest r = job.request();
        FrameFormat format = FrameFormat.of(width, height, r.frames());
        return switch (r.workflow()) {
            case TEXT_TO_VIDEO -> new Placeholder(titleCard(job, format), Optional.empty(),
                    "an animated title card with the prompt");
            case IMAGE_TO_VIDEO, TEXT_IMAGE_TO_VIDEO -> new Placeholder(panZoom(r, format, required(r.inputImage(),
                    r, "an input image")), Optional.empty(), "a slow pan and zoom over the input image");
            case UPSCALE -> new Placeholder(source(r, format), Optional.empty(),
                    "a Lanczos upscale of the source to " + r.width() + "x" + r.height());
            case TRANSPARENT_VIDEO -> transparent(job, format);
            case INPAINT -> inpaint(r, format);
        };
    }

    private Placeholder transparent(GenerationJob job, FrameFormat format) {
        GenerationRequest r = job.request();
        FrameSource base;
        KeyChoice.Choice key;
        if (r.sourceVideoPath().isPresent() || r.inputImagePath().isPresent()) {
            base = r.sourceVideoPath().isPresent() ? source(r, format) : panZoom(r, format, r.inputImage());
            key = KeyChoice.forFrame(base.frame(0));
        } else {
            base = titleCard(job, format);
            key = KeyChoice.titleCard();
        }
        return new Placeholder(AlphaExtractor.extract(base, key.key()), Optional.of(key),
                "a keyed placeholder with " + key.description());
    }

    private Placeholder inpaint(GenerationRequest r, FrameFormat format) {
        String maskPath = required(r.mask(), r, "a mask");
        FrameSource base = source(r, format);
        return new Placeholder(InpaintFiller.fill(base, inputs.image(maskPath, "mask")), Optional.empty(),
                "the masked region filled from its surroundings, frame by frame");
    }

    private static FrameSource titleCard(GenerationJob job, FrameFormat format) {
        GenerationRequest r = job.request();
        return TitleCardRenderer.of(new TitleCard(job.shotId(), r.prompt(), format, r.seed()));
    }

    private FrameSource panZoom(GenerationRequest r, FrameFormat format, String imagePath) {
        return PanZoomRenderer.of(inputs.image(imagePath, "input image"), format, r.seed());
    }

    /** The source video, or the input image held still, at the output size. */
    private FrameSource source(GenerationRequest r, FrameFormat format) {
        FrameSource source;
        if (r.sourceVideoPath().isPresent()) {
            source = inputs.video(r.sourceVideo(), config.maxSourceFrames());
        } else if (r.inputImagePath().isPresent()) {
            source = FrameSource.still(inputs.image(r.inputImage(), "input image"), format.frameCount());
        } else {
            throw new GenerationException(r.workflow() + " needs a source video or an input image, and the request"
                    + " names neither");
        }
        boolean sameSize = source.width() == format.width() && source.height() == format.height();
        return sameSize ? source : LanczosUpscaler.resize(source, format.width(), format.height());
    }

    private static String required(String path, GenerationRequest r, String what) {
        if (path.isBlank()) {
            throw new GenerationException(r.workflow() + " needs " + what + ", and the request names none");
        }
        return path;
    }
}
