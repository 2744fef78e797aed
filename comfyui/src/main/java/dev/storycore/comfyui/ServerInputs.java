package dev.storycore.comfyui;

import java.util.Objects;

/**
 * What a job has on the server besides its parameters: the names its uploaded inputs got, and the
 * prefix its output files get. Empty strings mean "none".
 *
 * @param inputImage     the input image as {@code LoadImage} names it, e.g. {@code ref.png}
 * @param mask           the mask as {@code LoadImageMask} names it
 * @param sourceVideo    the source video as {@code LoadVideo} names it
 * @param filenamePrefix the save nodes' {@code filename_prefix}, e.g. {@code storycore_shot-3}
 */
public record ServerInputs(String inputImage, String mask, String sourceVideo, String filenamePrefix) {

    /**
     * Checks for nulls and a blank prefix.
     *
     * @throws IllegalArgumentException when the prefix is blank
     */
    public ServerInputs {
        Objects.requireNonNull(inputImage, "inputImage");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(sourceVideo, "sourceVideo");
        Objects.requireNonNull(filenamePrefix, "filenamePrefix");
        if (filenamePrefix.isBlank()) {
            throw new IllegalArgumentException("filenamePrefix must not be blank");
        }
    }

    /**
     * No uploaded inputs.
     *
     * @param filenamePrefix the save nodes' prefix
     * @return the inputs
     */
    public static ServerInputs none(String filenamePrefix) {
        return new ServerInputs("", "", "", filenamePrefix);
    }
}
