package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a path may be read: it must resolve, through every symbolic link, to a place under
 * the boundary (the analysed folder, or a Hugging Face cache repository folder). Resolution uses
 * {@link Path#toRealPath} and never opens the target. Immutable and thread-safe.
 */
final class PathGuard {

    private final Path boundary;

    /** @param boundary the real path (already resolved) under which reading is allowed */
    PathGuard(Path boundary) {
        this.boundary = Objects.requireNonNull(boundary, "boundary");
    }

    Path boundary() {
        return boundary;
    }

    /** Where a path leads. */
    sealed interface Resolved permits Inside, Escapes, Dangling, Absent, Unresolvable {
    }

    /** It exists under the boundary; read {@code real}. */
    record Inside(Path real) implements Resolved {
    }

    /** A link leads outside the boundary, to {@code target}; it must not be read. */
    record Escapes(String target) implements Resolved {
    }

    /** A link inside the boundary leads to nothing, typically an unfinished download. */
    record Dangling(String target) implements Resolved {
    }

    /** Nothing is there. */
    record Absent() implements Resolved {
    }

    /** The path could not be resolved, e.g. a link loop or a permission error. */
    record Unresolvable(String reason) implements Resolved {
    }

    Resolved resolve(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Absent();
        }
        try {
            Path real = path.toRealPath();
            return real.startsWith(boundary) ? new Inside(real) : new Escapes(real.toString());
        } catch (NoSuchFileException e) {
            return dangling(path);
        } catch (IOException | SecurityException e) {
            return new Unresolvable(e.toString());
        }
    }

    /**
     * The real path to read, or empty after adding a finding that says why not.
     *
     * @param display how sentences name the path
     */
    Optional<Path> readable(Path path, String display, Findings findings) {
        return readable(path, display, findings, ComponentStatus.MISSING);
    }

    /** As {@link #readable(Path, String, Findings)}, with the status to record when nothing is there. */
    Optional<Path> readable(Path path, String display, Findings findings, ComponentStatus ifAbsent) {
        switch (resolve(path)) {
            case Inside inside -> {
                return Optional.of(inside.real());
            }
            case Escapes escapes -> findings.add(ComponentStatus.UNSAFE, display + " is a link to "
                    + escapes.target() + ", outside the analysed folder; it was not read.");
            case Dangling dangling -> findings.add(ComponentStatus.INCOMPLETE, display + " is a link to "
                    + dangling.target() + ", which does not exist (an unfinished download?).");
            case Absent absent -> findings.add(ifAbsent, display + " is missing.");
            case Unresolvable unresolvable -> findings.add(ComponentStatus.CORRUPT, display
                    + " could not be resolved: " + unresolvable.reason() + ".");
        }
        return Optional.empty();
    }

    private Resolved dangling(Path path) {
        try {
            if (!Files.isSymbolicLink(path)) {
                return new Dangling(path.toString());
            }
            Path parent = path.toAbsolutePath().getParent().toRealPath();
            Path target = parent.resolve(Files.readSymbolicLink(path)).normalize();
            return target.startsWith(boundary) ? new Dangling(target.toString()) : new Escapes(target.toString());
        } catch (IOException | SecurityException e) {
            return new Unresolvable(e.toString());
        }
    }
}
