package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.function.IntConsumer;

/** A source telling an observer each frame's index once it is rendered; see {@link FrameSource#onEachFrame}. */
record ObservedFrames(FrameSource source, IntConsumer observer) implements FrameSource {

    @Override
    public int width() {
        return source.width();
    }

    @Override
    public int height() {
        return source.height();
    }

    @Override
    public int frameCount() {
        return source.frameCount();
    }

    @Override
    public BufferedImage frame(int index) {
        BufferedImage frame = source.frame(index);
        observer.accept(index);
        return frame;
    }
}
