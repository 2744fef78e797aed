package dev.storycore.generation.media;

import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * H.264 in an MP4 container through JCodec's sequence encoder, on the calling thread. JCodec takes
 * interleaved RGB with each byte stored as {@code value - 128} and converts to 4:2:0 itself.
 * Stateless and thread-safe.
 */
final class JcodecEncoder implements VideoEncoder {

    static final JcodecEncoder INSTANCE = new JcodecEncoder();

    private JcodecEncoder() {
    }

    @Override
    public MediaOutput.Encoder kind() {
        return MediaOutput.Encoder.JCODEC_H264;
    }

    @Override
    public void encode(Path file, FrameSource frames, EncodePlan plan, int fps) throws IOException {
        try (FileChannelWrapper channel = NIOUtils.writableChannel(file.toFile())) {
            // JCodec's MOV format is its ISO base media muxer; it writes an 'isom' MP4.
            SequenceEncoder encoder = new SequenceEncoder(channel, Rational.R(fps, 1), Format.MOV,
                    Codec.H264, null);
            Picture picture = Picture.create(plan.width(), plan.height(), ColorSpace.RGB);
            FrameSource scaled = plan.scaled(frames);
            for (int i = 0; i < scaled.frameCount(); i++) {
                fill(picture.getPlaneData(0), plan.rgbPixels(scaled, i));
                encoder.encodeNativeFrame(picture);
            }
            encoder.finish();
        }
    }

    private static void fill(byte[] rgb, int[] pixels) {
        for (int i = 0, j = 0; i < pixels.length; i++, j += 3) {
            int p = pixels[i];
            rgb[j] = (byte) (((p >> 16) & 0xff) - 128);
            rgb[j + 1] = (byte) (((p >> 8) & 0xff) - 128);
            rgb[j + 2] = (byte) ((p & 0xff) - 128);
        }
    }
}
