package dev.storycore.comfyui;

import java.util.Objects;

/**
 * A file a node produced, as listed in a history entry's outputs or an {@code executed} message:
 * {@code {"filename", "subfolder", "type"}}. The name comes from the server and is checked before
 * anything is written locally (see {@link ComfyUiClient#download}).
 *
 * @param filename  the file name, e.g. {@code ComfyUI_00001_.webp}
 * @param subfolder the subfolder inside the folder, often empty
 * @param type      the folder
 * @param kind      the key it was listed under in the node's output, e.g. {@code images},
 *                  {@code gifs}, {@code videos}
 */
public record OutputFile(String filename, String subfolder, FolderType type, String kind) {

    /** Checks for nulls. */
    public OutputFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(subfolder, "subfolder");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
    }
}
