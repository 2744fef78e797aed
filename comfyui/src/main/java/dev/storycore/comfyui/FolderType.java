package dev.storycore.comfyui;

import java.util.Locale;

/**
 * ComfyUI's file folders, as named by the {@code type} field of output files, {@code /view} and
 * {@code /upload/image}.
 */
public enum FolderType {
    /** {@code input}: uploaded images and masks that workflows load. */
    INPUT,
    /** {@code output}: what save nodes write. */
    OUTPUT,
    /** {@code temp}: previews, cleared when the server restarts. */
    TEMP;

    /**
     * The name on the wire.
     *
     * @return {@code input}, {@code output} or {@code temp}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a wire name.
     *
     * @param wireName {@code input}, {@code output} or {@code temp}
     * @return the folder type
     * @throws ComfyUiProtocolException for any other name
     */
    public static FolderType fromWire(String wireName) {
        for (FolderType type : values()) {
            if (type.wireName().equals(wireName)) {
                return type;
            }
        }
        throw new ComfyUiProtocolException("unknown ComfyUI folder type '" + wireName + "'");
    }
}
