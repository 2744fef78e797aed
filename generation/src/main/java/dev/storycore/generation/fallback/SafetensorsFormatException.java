package dev.storycore.generation.fallback;

import dev.storycore.generation.GenerationException;
import java.util.Objects;

/**
 * A file cannot be read as safetensors at all: too short, a header length over the limit, a header
 * cut off, or a header that is not the expected JSON. The message is one line naming the file;
 * {@link #detail()} is the same without the file name; {@link #status()} says whether the file looks
 * incomplete or corrupt.
 */
public final class SafetensorsFormatException extends GenerationException {

    private static final long serialVersionUID = 1L;

    private final ComponentStatus status;
    private final String detail;

    /**
     * Creates an exception.
     *
     * @param status {@link ComponentStatus#INCOMPLETE} for a cut-off file, otherwise
     *               {@link ComponentStatus#CORRUPT}
     * @param file   the file's name
     * @param detail what is wrong, as a predicate about the file, e.g. {@code is empty}
     */
    public SafetensorsFormatException(ComponentStatus status, String file, String detail) {
        super(file + " " + detail);
        this.status = Objects.requireNonNull(status, "status");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    /**
     * What is wrong, without the file name: a predicate such as {@code is truncated inside its header}.
     *
     * @return the detail
     */
    public String detail() {
        return detail;
    }

    /**
     * What the failure says about the file.
     *
     * @return INCOMPLETE or CORRUPT
     */
    public ComponentStatus status() {
        return status;
    }
}
