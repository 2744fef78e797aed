package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.function.IntConsumer;

/** A source telling an observer each frame's index once it is rendered; see {@link FrameSource#onEachFrame}. */
record ObservedFrames(FrameSource source, IntConsumer observer) implements ForwardingFrames {

    @Override
    public BufferedImage frame(int index) {
        BufferedImage frame = source.frame(index);
        observer.accept(index);
        return frame;
    }
}
