package dev.storycore.generation.media;

import dev.storycore.generation.GenerationException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jcodec.api.FrameGrab;
import org.jcodec.api.JCodecException;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * Decodes H.264 MP4 files into frames with JCodec, for steps that work on an input video (upscale,
 * transparent video, inpaint). Decoded frames are held in memory, so callers cap their number.
 * Stateless and thread-safe.
 */
public final class Mp4Reader {

    private Mp4Reader() {
    }

    /**
     * Decodes up to {@code maxFrames} frames from the start of a video.
     *
     * @param file      an MP4 (or MOV) file with an H.264 video track
     * @param maxFrames the most frames to decode, at least 1
     * @return the frames in display order, {@code TYPE_INT_RGB}
     * @throws GenerationException if the file is missing, not a supported video, or has no frames
     */
    public static FrameSource read(Path file, int maxFrames) {
        Objects.requireNonNull(file, "file");
        MediaChecks.positive(maxFrames, "maxFrames");
        if (!Files.isRegularFile(file)) {
            throw new GenerationException("video file not found: " + file);
        }
        List<BufferedImage> frames = new ArrayList<>();
        try (FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile())) {
            FrameGrab grab = FrameGrab.createFrameGrab(channel);
            Picture picture;
            while (frames.size() < maxFrames && (picture = grab.getNativeFrame()) != null) {
                frames.add(toImage(picture));
            }
        } catch (IOException | JCodecException | RuntimeException e) {
            throw new GenerationException("cannot decode video " + file + ": " + e, e);
        }
        if (frames.isEmpty()) {
            throw new GenerationException("video has no frames: " + file);
        }
        return FrameSource.of(frames);
    }

    private static BufferedImage toImage(Picture picture) {
        Picture rgb = Picture.create(picture.getWidth(), picture.getHeight(), ColorSpace.RGB);
        Transform transform = ColorUtil.getTransform(picture.getColor(), ColorSpace.RGB);
        transform.transform(picture, rgb);
        int w = picture.getCroppedWidth();
        int h = picture.getCroppedHeight();
        int x0 = picture.getStartX();
        int y0 = picture.getStartY();
        byte[] data = rgb.getPlaneData(0);
        int[] pixels = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int j = ((y + y0) * picture.getWidth() + x + x0) * 3;
                pixels[y * w + x] = 0xff000000 | (data[j] + 128) << 16 | (data[j + 1] + 128) << 8
                        | (data[j + 2] + 128);
            }
        }
        return Images.fromArgb(pixels, w, h, false);
    }
}
