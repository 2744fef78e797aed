package dev.storycore.comfyui;

import java.util.Objects;

/**
 * The answer to {@code POST /upload/image}: where the server stored the file. A workflow's
 * {@code LoadImage} node refers to it by {@link #reference()}.
 *
 * @param name      the stored name; differs from the uploaded one when the server renamed it to
 *                  avoid overwriting ({@code name (1).png})
 * @param subfolder the subfolder, often empty
 * @param type      the folder
 */
public record UploadedImage(String name, String subfolder, FolderType type) {

    /** Checks for nulls. */
    public UploadedImage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subfolder, "subfolder");
        Objects.requireNonNull(type, "type");
    }

    /**
     * The value a {@code LoadImage} input takes: {@code subfolder/name}, or {@code name}.
     *
     * @return the reference
     */
    public String reference() {
        return subfolder.isEmpty() ? name : subfolder + "/" + name;
    }
}
