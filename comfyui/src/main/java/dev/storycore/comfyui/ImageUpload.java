package dev.storycore.comfyui;

import java.util.Objects;

/**
 * Options of {@code POST /upload/image}, for input images and masks alike.
 *
 * @param subfolder where to store it inside the folder, empty for the folder itself; no {@code ..}
 * @param type      the folder, {@link FolderType#INPUT} for anything a workflow loads
 * @param overwrite replace a file of the same name instead of letting the server pick a new name
 */
public record ImageUpload(String subfolder, FolderType type, boolean overwrite) {

    /** Into the input folder, no subfolder, keep existing files. */
    public static final ImageUpload DEFAULT = new ImageUpload("", FolderType.INPUT, false);

    /**
     * Checks for nulls and a subfolder that would climb out of the folder.
     *
     * @throws IllegalArgumentException when {@code subfolder} contains {@code ..} or is absolute
     */
    public ImageUpload {
        Objects.requireNonNull(subfolder, "subfolder");
        Objects.requireNonNull(type, "type");
        if (subfolder.startsWith("/") || subfolder.startsWith("\\")
                || subfolder.replace('\\', '/').matches("(.*/)?\\.\\.(/.*)?")) {
            throw new IllegalArgumentException("subfolder must stay inside the folder, was '" + subfolder + "'");
        }
    }
}
