package dev.storycore.cli;

import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.generation.media.VideoOptions;
import dev.storycore.generation.model.FrameSize;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.RequestValidator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * The storyboard of the chaos benchmark, generated from a seed: shots of every workflow over the
 * built-in models (plus the example's Wan 1.3B upscaler), at native and larger sizes and lengths, so a
 * good share does not fit a 16 GB GPU as asked. The input files (one still, one mask, one short clip)
 * are written into a folder of the caller's choice.
 */
final class ChaosStoryboard {

    /** Workflow, model, and the sizes a shot picks from: the shape of the mix. */
    private record Kind(Workflow workflow, String model, List<String> sizes, int maxFrames) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-1.3b", List.of("832x480", "480x832"), 81),
            new Kind(Workflow.TEXT_TO_VIDEO, "wan2.1-t2v-14b", List.of("832x480", "1280x720"), 81),
            new Kind(Workflow.TEXT_TO_VIDEO, "wan2.2-t2v-a14b", List.of("832x480", "1280x720"), 81),
            new Kind(Workflow.TEXT_TO_VIDEO, "wan2.2-ti2v-5b", List.of("1280x704"), 121),
            new Kind(Workflow.TEXT_TO_VIDEO, "hunyuan-video-t2v", List.of("960x544", "1280x720", "832x624"), 129),
            new Kind(Workflow.IMAGE_TO_VIDEO, "wan2.1-i2v-14b-480p", List.of("832x480"), 81),
            new Kind(Workflow.IMAGE_TO_VIDEO, "wan2.1-i2v-14b-720p", List.of("1280x720"), 81),
            new Kind(Workflow.IMAGE_TO_VIDEO, "wan2.2-i2v-a14b", List.of("832x480", "1280x720"), 81),
            new Kind(Workflow.IMAGE_TO_VIDEO, "hunyuan-video-i2v", List.of("1280x720", "960x960"), 129),
            new Kind(Workflow.TRANSPARENT_VIDEO, "wan-alpha", List.of("832x480"), 81),
            new Kind(Workflow.INPAINT, "wan2.1-vace-14b", List.of("832x480", "1280x720"), 81),
            new Kind(Workflow.UPSCALE, UpscaleModel.ID, List.of("1280x720", "832x480"), 81));

    private ChaosStoryboard() {
    }

    /** The built-in models plus the upscaler the benchmark's upscale shots use. */
    static ModelRegistry models() {
        return ModelRegistry.builtIn().with(UpscaleModel.spec());
    }

    static Storyboard generate(int count, long seed, Path inputs) {
        ModelRegistry models = models();
        Path image = inputs.resolve("still.png");
        Path mask = inputs.resolve("mask.png");
        Path video = inputs.resolve("clip.mp4");
        writeInputs(image, mask, video);
        var random = new SplittableRandom(seed);
        var validator = new RequestValidator(models);
        List<Storyboard.Shot> shots = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS.get(random.nextInt(KINDS.size()));
            ModelSpec model = models.require(kind.model());
            FrameSize size = FrameSize.parse(kind.sizes().get(random.nextInt(kind.sizes().size())));
            int frames = model.frameRule().nearest(17 + random.nextInt(kind.maxFrames() - 16));
            var request = GenerationRequest.builder(model, kind.workflow()).prompt("chaos shot " + i)
                    .size(size.width(), size.height()).frames(frames).steps(10 + random.nextInt(21))
                    .seed(random.nextLong(1L << 31));
            switch (kind.workflow()) {
                case IMAGE_TO_VIDEO, TEXT_IMAGE_TO_VIDEO -> request.inputImage(image.toString());
                case INPAINT -> request.sourceVideo(video.toString()).mask(mask.toString());
                case UPSCALE -> request.sourceVideo(video.toString());
                case TEXT_TO_VIDEO, TRANSPARENT_VIDEO -> { }
            }
            shots.add(new Storyboard.Shot(String.format("shot-%03d", i),
                    validator.validate(request.build(), model).requireValid()));
        }
        return new Storyboard("chaos-" + count, inputs.resolve("chaos.json"), models, shots);
    }

    private static void writeInputs(Path image, Path mask, Path video) {
        var still = new BufferedImage(256, 144, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = still.createGraphics();
        g.setColor(new Color(0x2f6f8f));
        g.fillRect(0, 0, 256, 144);
        g.setColor(Color.WHITE);
        g.fillOval(100, 40, 56, 56);
        g.dispose();
        var matte = new BufferedImage(256, 144, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = matte.createGraphics();
        m.setColor(Color.WHITE);
        m.fillRect(96, 36, 64, 64);
        m.dispose();
        try {
            Files.createDirectories(image.getParent());
            ImageIO.write(still, "png", image.toFile());
            ImageIO.write(matte, "png", mask.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark's inputs: " + e.getMessage(), e);
        }
        Mp4Writer.pureJava().write(video, FrameSource.still(still, 5), VideoOptions.full(16));
    }
}
