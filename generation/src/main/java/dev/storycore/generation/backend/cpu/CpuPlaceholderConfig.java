package dev.storycore.generation.backend.cpu;

import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.resilience.Clock;
import java.util.Objects;

/**
 * How a {@link CpuPlaceholderBackend} writes its placeholders. Immutable; build with {@link #builder()}.
 *
 * @param name            the backend's name in reports. Default {@code cpu}
 * @param preview         whether videos are written at preview scale rather than the requested size.
 *                        Default {@code true}: JCodec encodes about 100 frames/s at 480×270 but 8 at 1280×720
 * @param previewLongSide the long side of previews in pixels, at least 16. Default 480
 * @param maxSourceFrames the most frames decoded from a source video (they are held in memory). Default 121
 * @param mp4Writer       writes the videos. Default {@link Mp4Writer#detect()}: ffmpeg when on the PATH
 * @param clock           measures how long a job took. Default {@link Clock#system()}
 */
public record CpuPlaceholderConfig(String name, boolean preview, int previewLongSide, int maxSourceFrames,
                                   Mp4Writer mp4Writer, Clock clock) {

    /**
     * Validates every value.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public CpuPlaceholderConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (previewLongSide < 16) {
            throw new IllegalArgumentException("previewLongSide must be at least 16, was " + previewLongSide);
        }
        if (maxSourceFrames < 1) {
            throw new IllegalArgumentException("maxSourceFrames must be at least 1, was " + maxSourceFrames);
        }
        Objects.requireNonNull(mp4Writer, "mp4Writer");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * A builder with the defaults above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().name(name).preview(preview).previewLongSide(previewLongSide)
                .maxSourceFrames(maxSourceFrames).mp4Writer(mp4Writer).clock(clock);
    }

    /** Collects values for a {@link CpuPlaceholderConfig}. Not thread-safe. */
    public static final class Builder {
        private String name = "cpu";
        private boolean preview = true;
        private int previewLongSide = 480;
        private int maxSourceFrames = 121;
        private Mp4Writer mp4Writer;
        private Clock clock = Clock.system();

        private Builder() {
        }

        /** @param value the backend's name @return this builder */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @param value whether to write previews instead of full-size videos @return this builder */
        public Builder preview(boolean value) {
            preview = value;
            return this;
        }

        /** @param value the long side of previews in pixels @return this builder */
        public Builder previewLongSide(int value) {
            previewLongSide = value;
            return this;
        }

        /** @param value the most frames decoded from a source video @return this builder */
        public Builder maxSourceFrames(int value) {
            maxSourceFrames = value;
            return this;
        }

        /** @param value the video writer @return this builder */
        public Builder mp4Writer(Mp4Writer value) {
            mp4Writer = value;
            return this;
        }

        /** @param value the clock that times jobs @return this builder */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter that is wrong
         */
        public CpuPlaceholderConfig build() {
            return new CpuPlaceholderConfig(name, preview, previewLongSide, maxSourceFrames,
                    mp4Writer == null ? Mp4Writer.detect() : mp4Writer, clock);
        }
    }
}
