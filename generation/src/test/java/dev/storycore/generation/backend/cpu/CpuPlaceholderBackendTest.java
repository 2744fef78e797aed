package dev.storycore.generation.backend.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.Mp4Reader;
import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.generation.media.VideoOptions;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import dev.storycore.generation.request.GenerationRequestBuilder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuPlaceholderBackendTest {

    @TempDir
    Path dir;

    private final CpuPlaceholderBackend cpu = new CpuPlaceholderBackend(CpuPlaceholderConfig.builder()
            .mp4Writer(Mp4Writer.pureJava()).build());

    @Test
    void textToVideoIsAnAnimatedTitleCardLabelledAsAPlaceholder() {
        GenerationResult result = run(request(Workflow.TEXT_TO_VIDEO).build());

        assertThat(result.outputs()).hasSize(1);
        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.frameCount()).isEqualTo(9);
        assertThat(frames.width()).isEqualTo(320);
        assertThat(differs(frames.frame(0), frames.frame(8))).isTrue();
        assertThat(result.notes().get(0)).startsWith("placeholder: an animated title card with the prompt");
        assertThat(result.preview()).isFalse();
        assertThat(result.gpuSeconds()).isZero();
        assertThat(cpu.gpuTier()).isFalse();
    }

    @Test
    void largeRequestsAreWrittenAtPreviewScaleByDefault() {
        GenerationResult result = run(request(Workflow.TEXT_TO_VIDEO).size(1280, 720).build());

        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.width()).isEqualTo(480);
        assertThat(frames.height()).isEqualTo(270);
        assertThat(result.preview()).isTrue();
        assertThat(result.notes()).contains("preview scale: 480x270 (requested 1280x720)");
    }

    @Test
    void imageToVideoPansAndZoomsOverTheInputImage() throws Exception {
        Path image = png("still.png", gradient(400, 300));

        GenerationResult result = run(request(Workflow.IMAGE_TO_VIDEO).inputImage(image.toString()).build());

        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.frameCount()).isEqualTo(9);
        assertThat(differs(frames.frame(0), frames.frame(8))).isTrue();
        assertThat(result.notes().get(0)).contains("pan and zoom over the input image");
    }

    @Test
    void aMissingInputImageFailsWithAReportNamingTheFile() {
        Path missing = dir.resolve("nowhere/still.png");
        GenerationRequest r = request(Workflow.TEXT_IMAGE_TO_VIDEO).inputImage(missing.toString()).build();

        BackendException e = catchThrowableOfType(BackendException.class, () -> run(r));

        assertThat(e.report()).isEqualTo("input image not found: " + missing.toAbsolutePath()
                + " (No such file or directory)");
        assertThat(e.backend()).isEqualTo("cpu");
        assertThat(e.gpuSecondsSpent()).isZero();
    }

    @Test
    void aRequestLackingWhatItsWorkflowNeedsIsBadInput() {
        assertThatThrownBy(() -> run(request(Workflow.IMAGE_TO_VIDEO).build()))
                .isInstanceOf(GenerationException.class).isNotInstanceOf(BackendException.class)
                .hasMessageContaining("IMAGE_TO_VIDEO needs an input image");
        assertThatThrownBy(() -> run(request(Workflow.INPAINT).build()))
                .isInstanceOf(GenerationException.class).isNotInstanceOf(BackendException.class)
                .hasMessageContaining("INPAINT needs a mask");
    }

    @Test
    void upscaleResamplesTheSourceVideoToTheRequestedSize() throws Exception {
        List<BufferedImage> small = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            small.add(gradient(64, 36));
        }
        Path source = dir.resolve("small.mp4");
        Mp4Writer.pureJava().write(source, FrameSource.of(small), VideoOptions.full(8));

        GenerationResult result = run(request(Workflow.UPSCALE).sourceVideo(source.toString()).size(256, 144)
                .frames(33).build());

        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.frameCount()).isEqualTo(5);
        assertThat(frames.width()).isEqualTo(256);
        assertThat(frames.height()).isEqualTo(144);
        assertThat(result.notes().get(0)).contains("Lanczos upscale of the source to 256x144");
    }

    @Test
    void upscalingAStillImageHoldsItForTheRequestedFrames() throws Exception {
        Path image = png("small.png", gradient(80, 45));

        GenerationResult result = run(request(Workflow.UPSCALE).inputImage(image.toString()).size(320, 180)
                .build());

        FrameSource frames = Mp4Reader.read(result.outputs().get(0), 100);
        assertThat(frames.frameCount()).isEqualTo(9);
        assertThat(frames.width()).isEqualTo(320);
    }

    @Test
    void anUnreadableImageFailsWithAnInvalidImageReport() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.png"), "not an image");

        BackendException e = catchThrowableOfType(BackendException.class,
                () -> run(request(Workflow.IMAGE_TO_VIDEO).inputImage(broken.toString()).build()));

        assertThat(e.report()).startsWith("Invalid image file: " + broken + " (input image): ");
    }

    @Test
    void transparentVideoKeysAGreenScreenIntoRgbaPngFrames() throws Exception {
        BufferedImage screen = solid(160, 90, new Color(20, 200, 30));
        paint(screen, new Color(200, 40, 40), 60, 30, 40, 30);
        Path image = png("screen.png", screen);

        GenerationResult result = run(request(Workflow.TRANSPARENT_VIDEO).inputImage(image.toString())
                .size(160, 90).build());

        assertThat(result.outputs()).hasSize(10);
        assertThat(result.outputs().get(0).toString()).endsWith(".mp4");
        BufferedImage first = ImageIO.read(result.outputs().get(1).toFile());
        assertThat(first.getColorModel().hasAlpha()).isTrue();
        assertThat(first.getRGB(2, 2) >>> 24).isZero();
        assertThat(first.getRGB(80, 45) >>> 24).isEqualTo(255);
        assertThat(result.notes()).anySatisfy(n -> assertThat(n).contains("chroma key on the green screen"));
    }

    @Test
    void transparentVideoWithoutInputsIsATitleCardOnATransparentBackground() throws Exception {
        GenerationResult result = run(request(Workflow.TRANSPARENT_VIDEO).build());

        BufferedImage last = ImageIO.read(result.outputs().get(result.outputs().size() - 1).toFile());
        assertThat(last.getRGB(last.getWidth() / 2, last.getHeight() * 3 / 4) >>> 24).isZero();
        assertThat(last.getRGB(last.getWidth() / 2, 4) >>> 24).isEqualTo(255);
    }

    @Test
    void inpaintFillsTheMaskedRegionFromItsSurroundings() throws Exception {
        BufferedImage source = solid(160, 90, Color.WHITE);
        paint(source, Color.BLACK, 60, 30, 40, 30);
        BufferedImage mask = solid(160, 90, Color.BLACK);
        paint(mask, Color.WHITE, 56, 26, 48, 38);

        GenerationResult result = run(request(Workflow.INPAINT).inputImage(png("source.png", source).toString())
                .mask(png("mask.png", mask).toString()).size(160, 90).build());

        BufferedImage frame = Mp4Reader.read(result.outputs().get(0), 1).frame(0);
        assertThat(luma(frame.getRGB(80, 45))).isGreaterThan(200);
        assertThat(result.notes().get(0)).contains("masked region filled from its surroundings");
    }

    @Test
    void outputsNeverLeaveTheJobFolder() {
        GenerationJob job = new GenerationJob("../../x", "../../etc/passwd", request(Workflow.TEXT_TO_VIDEO).build(),
                dir);

        GenerationResult result = cpu.generate(job, ProgressListener.NONE);

        assertThat(result.outputs()).allSatisfy(p -> assertThat(p.getParent()).isEqualTo(dir.toAbsolutePath()));
    }

    @Test
    void cancellingStopsTheJobWithAnInterruptionReport() {
        GenerationJob job = new GenerationJob("j1", "s1", request(Workflow.TEXT_TO_VIDEO).frames(41).build(), dir);

        BackendException e = catchThrowableOfType(BackendException.class, () -> cpu.generate(job, p -> {
            if (p.phase().equals("rendering")) {
                cpu.cancel(job.jobId());
            }
        }));

        assertThat(e.report()).startsWith("Processing interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(dir.resolve("s1_j1.mp4")).doesNotExist();
    }

    @Test
    void reportsACpuOnlyMachineAndGoesDownWhenClosed() {
        CpuPlaceholderBackend other = new CpuPlaceholderBackend(CpuPlaceholderConfig.builder().build());
        assertThat(other.systemStats().vramFreeBytes()).isZero();
        assertThat(other.health().healthy()).isTrue();
        other.close();
        assertThat(other.health().healthy()).isFalse();
        assertThatThrownBy(() -> other.generate(new GenerationJob("j", "s", request(Workflow.TEXT_TO_VIDEO).build(),
                dir), ProgressListener.NONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CpuPlaceholderConfig.builder().maxSourceFrames(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSourceFrames");
    }

    private GenerationResult run(GenerationRequest r) {
        return cpu.generate(new GenerationJob("job-1", "shot-1", r, dir), ProgressListener.NONE);
    }

    private static GenerationRequestBuilder request(Workflow workflow) {
        return GenerationRequest.builder(workflow, "wan2.1-t2v-1.3b").size(320, 180).frames(9).fps(8)
                .prompt("a red fox crossing a snowy field at dawn");
    }

    private Path png(String name, BufferedImage image) throws Exception {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x * 255 / w) << 16 | (y * 255 / h) << 8 | 128);
            }
        }
        return image;
    }

    private static BufferedImage solid(int w, int h, Color color) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        paint(image, color, 0, 0, w, h);
        return image;
    }

    private static void paint(BufferedImage image, Color color, int x, int y, int w, int h) {
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(x, y, w, h);
        g.dispose();
    }

    private static boolean differs(BufferedImage a, BufferedImage b) {
        long diff = 0;
        for (int y = 0; y < a.getHeight(); y += 4) {
            for (int x = 0; x < a.getWidth(); x += 4) {
                diff += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
            }
        }
        return diff > 1000;
    }

    private static int luma(int rgb) {
        return (int) (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff));
    }
}
