package dev.storycore.generation.media;

/** A source that keeps another source's size and length, changing only what its frames are or when. */
interface ForwardingFrames extends FrameSource {

    /** @return the source whose size and length this one keeps */
    FrameSource source();

    @Override
    default int width() {
        return source().width();
    }

    @Override
    default int height() {
        return source().height();
    }

    @Override
    default int frameCount() {
        return source().frameCount();
    }
}
