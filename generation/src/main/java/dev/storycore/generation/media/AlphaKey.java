package dev.storycore.generation.media;

import java.awt.Color;
import java.util.Objects;

/**
 * How {@link AlphaExtractor} decides what is transparent. Every key has a soft edge: a band in
 * which alpha ramps linearly from 0 to 255 so outlines are not jagged.
 */
public sealed interface AlphaKey {

    /**
     * Dark is transparent: for effects rendered on black (fire, smoke, sparks).
     *
     * @param threshold luma (Rec. 601, 0..1) at or below which a pixel is fully transparent
     * @param softness  width of the ramp above {@code threshold} to full opacity, 0..1
     */
    record Luminance(double threshold, double softness) implements AlphaKey {

        /**
         * Checks the range of both values.
         *
         * @throws dev.storycore.generation.GenerationException if a value is outside [0, 1]
         */
        public Luminance {
            MediaChecks.unitInterval(threshold, "threshold");
            MediaChecks.unitInterval(softness, "softness");
        }
    }

    /**
     * A key colour is transparent: green or blue screen.
     *
     * <p>Distance is measured in YCbCr with luma weighted by {@value AlphaExtractor#LUMA_WEIGHT}, so
     * shading across the screen (the same hue, darker or brighter) still keys out while other hues
     * stay; 1.0 is roughly the distance between two opposite saturated hues.
     *
     * @param key       the screen colour; its alpha is ignored
     * @param tolerance distance from the key at or below which a pixel is fully transparent, 0..1
     * @param softness  width of the ramp beyond {@code tolerance} to full opacity, 0..1
     */
    record Chroma(Color key, double tolerance, double softness) implements AlphaKey {

        /**
         * Checks the values.
         *
         * @throws dev.storycore.generation.GenerationException if a value is outside [0, 1]
         */
        public Chroma {
            Objects.requireNonNull(key, "key");
            MediaChecks.unitInterval(tolerance, "tolerance");
            MediaChecks.unitInterval(softness, "softness");
        }
    }

    /**
     * A luminance key.
     *
     * @param threshold luma at or below which pixels are transparent, 0..1
     * @param softness  ramp width to full opacity, 0..1
     * @return the key
     * @throws dev.storycore.generation.GenerationException if a value is outside [0, 1]
     */
    static AlphaKey luminance(double threshold, double softness) {
        return new Luminance(threshold, softness);
    }

    /**
     * A chroma key.
     *
     * @param key       the screen colour
     * @param tolerance distance at or below which pixels are transparent, 0..1
     * @param softness  ramp width to full opacity, 0..1
     * @return the key
     * @throws dev.storycore.generation.GenerationException if a value is outside [0, 1]
     */
    static AlphaKey chroma(Color key, double tolerance, double softness) {
        return new Chroma(key, tolerance, softness);
    }
}
