package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * The inpaint placeholder: fills the masked region of each frame from its surroundings.
 *
 * <p>Implementation notes. The mask is white where pixels are to be filled (luma at or above 0.5;
 * its alpha is ignored). A mask of another size than the frames is first resized to the frame size
 * with nearest-neighbour sampling, so a low-resolution mask still covers the same area. Filling is
 * two steps, both real but simple:
 * <ol>
 *   <li><b>Onion peeling</b>: the masked pixels touching known ones form layer 1, those touching
 *       layer 1 form layer 2, and so on inward. Each pixel takes the average of its neighbours from
 *       earlier layers (edge neighbours weigh 2, diagonal ones 1), so colour flows in from the
 *       boundary.</li>
 *   <li><b>Relaxation</b>: passes that replace every filled pixel by the mean of its four
 *       neighbours, in layer order, with the known pixels held fixed (Gauss–Seidel). This
 *       approaches the smooth (harmonic) fill and removes the streaks peeling leaves. The number
 *       of passes is twice the number of layers, between {@value FillPlan#MIN_PASSES} and
 *       {@value FillPlan#MAX_PASSES}.</li>
 * </ol>
 * The layers depend only on the mask, so they are computed once per mask ({@link FillPlan}) and
 * reused for every frame. Work is proportional to the masked area, not the frame. All four channels
 * are filled, premultiplied, so images with alpha fill alpha too.
 *
 * <p>Stateless and thread-safe.
 */
public final class InpaintFiller {

    private InpaintFiller() {
    }

    /**
     * Fills the masked region of one frame.
     *
     * @param frame the frame
     * @param mask  white where to fill; resized to the frame if its size differs
     * @return a new image of the frame's size and alpha-ness; an unchanged copy if nothing is masked
     * @throws GenerationException if the mask covers the whole frame, leaving nothing to fill from
     */
    public static BufferedImage fill(BufferedImage frame, BufferedImage mask) {
        MediaChecks.image(frame, "frame");
        return FillPlan.of(MediaChecks.image(mask, "mask"), frame.getWidth(), frame.getHeight()).apply(frame);
    }

    /**
     * Fills the masked region of every frame of a clip as it is rendered.
     *
     * @param frames the clip
     * @param mask   white where to fill; resized to the frame size if it differs
     * @return the filled clip
     * @throws GenerationException if the mask covers the whole frame
     */
    public static FrameSource fill(FrameSource frames, BufferedImage mask) {
        Objects.requireNonNull(frames, "frames");
        FillPlan plan = FillPlan.of(MediaChecks.image(mask, "mask"), frames.width(), frames.height());
        return frames.map(frames.width(), frames.height(), plan::apply);
    }
}
