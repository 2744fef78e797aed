package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;

/** Reads input images (the image of an image-to-video shot, an inpaint mask). Thread-safe. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Reads a PNG, JPEG, BMP or GIF image.
     *
     * @param file the image file
     * @return the image as {@code TYPE_INT_ARGB} if it has alpha, else {@code TYPE_INT_RGB}
     * @throws GenerationException if the file is missing, unreadable, not an image, or has a side
     *                             above {@value MediaChecks#MAX_SIDE}
     */
    public static BufferedImage read(Path file) {
        Objects.requireNonNull(file, "file");
        BufferedImage image;
        try (InputStream in = Files.newInputStream(file)) {
            image = ImageIO.read(in);
        } catch (NoSuchFileException e) {
            throw new GenerationException("image file not found: " + file, e);
        } catch (IOException e) {
            throw new GenerationException("cannot read image file " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new GenerationException("not a readable image (PNG, JPEG, BMP or GIF): " + file);
        }
        MediaChecks.image(image, "image " + file.getFileName());
        return Images.copy(image);
    }
}
