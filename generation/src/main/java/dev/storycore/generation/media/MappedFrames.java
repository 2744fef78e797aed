package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;

/** A source whose frames pass through a pure per-frame step; checks the step's output size. */
record MappedFrames(FrameSource source, int width, int height, UnaryOperator<BufferedImage> step)
        implements FrameSource {

    @Override
    public int frameCount() {
        return source.frameCount();
    }

    @Override
    public BufferedImage frame(int index) {
        return MediaChecks.frame(step.apply(source.frame(index)), index, width, height);
    }
}
