package dev.storycore.generation.media;

import java.awt.image.BufferedImage;
import java.util.List;

/** Frames held in memory; hands out copies so the caller cannot alter the held images. */
record ListFrames(List<BufferedImage> frames) implements FrameSource {

    @Override
    public int width() {
        return frames.get(0).getWidth();
    }

    @Override
    public int height() {
        return frames.get(0).getHeight();
    }

    @Override
    public int frameCount() {
        return frames.size();
    }

    @Override
    public BufferedImage frame(int index) {
        return Images.copy(frames.get(index));
    }
}
