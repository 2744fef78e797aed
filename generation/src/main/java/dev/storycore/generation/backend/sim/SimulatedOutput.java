package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.internal.OutputNames;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.media.AlphaExtractor;
import dev.storycore.generation.media.AlphaKey;
import dev.storycore.generation.media.FrameFormat;
import dev.storycore.generation.media.FrameSource;
import dev.storycore.generation.media.MediaOutput;
import dev.storycore.generation.media.PngFrameWriter;
import dev.storycore.generation.media.SimulatedFrameRenderer;
import dev.storycore.generation.media.SimulatedScene;
import dev.storycore.generation.media.VideoOptions;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a successful simulated job produced into the job's folder: the video (procedural frames
 * with a "SIMULATED" watermark, see {@link SimulatedFrameRenderer}), RGBA PNG frames for transparent
 * video, and always a JSON sidecar {@code NAME.json} with the request and the simulated figures. File
 * names are the shot id and job id with everything but letters, digits, '.', '_' and '-' replaced.
 *
 * <p>Previews encode at most {@link GpuSimulatorConfig#previewFrames()} frames taken evenly across the
 * clip (every n-th frame, the frame rate divided by n so the preview lasts as long as the clip) at the
 * configured long side; measured with JCodec on one warm core, 16 frames at 480×270 take about 0.15 s.
 * Thread-safe: writes only the job's own files.
 */
final class SimulatedOutput {

    /** Luma below which simulated transparent frames are transparent; the scenes' backgrounds are dark. */
    private static final AlphaKey TRANSPARENT_KEY = AlphaKey.luminance(0.3, 0.2);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final GpuSimulatorConfig config;

    SimulatedOutput(GpuSimulatorConfig config) {
        this.config = config;
    }

    /** What was written. */
    record Written(List<Path> files, boolean preview, List<String> notes) {
    }

    Written write(GenerationJob job, String label, Map<String, Object> facts) throws IOException {
        GenerationRequest r = job.request();
        Path dir = job.outputDir();
        String base = OutputNames.base(job.shotId(), job.jobId());
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        notes.add("simulated output: procedural frames marked " + SimulatedFrameRenderer.WATERMARK
                + ", not a model's render");
        boolean preview = false;
        Map<String, Object> sidecar = new LinkedHashMap<>(facts);
        if (config.outputMode() == OutputMode.NO_VIDEO) {
            notes.add("no video written: JSON sidecar only");
            preview = true;
        } else {
            Clip clip = clip(r, label);
            MediaOutput video = config.mp4Writer().write(OutputNames.inside(dir, base + ".mp4"), clip.frames,
                    clip.options);
            files.add(video.primaryFile());
            preview = video.preview() || clip.stride > 1;
            if (preview) {
                String frames = clip.stride == 1 ? "all " + r.frames() + " frames"
                        : video.frames() + " of " + r.frames() + " frames (one in " + clip.stride + ")";
                notes.add("preview: " + video.width() + "x" + video.height() + " (requested " + r.width() + "x"
                        + r.height() + "), " + frames + " at " + video.fps() + " fps");
            }
            if (r.workflow() == Workflow.TRANSPARENT_VIDEO) {
                FrameSource scaled = clip.frames.resized(video.width(), video.height());
                MediaOutput png = PngFrameWriter.write(OutputNames.inside(dir, base + "_rgba"),
                        AlphaExtractor.extract(scaled, TRANSPARENT_KEY), video.fps());
                files.addAll(png.files());
                notes.add("RGBA PNG frames keyed from the simulated frames (luma below 0.3 transparent)");
            }
            sidecar.put("video", video.primaryFile().getFileName().toString());
            sidecar.put("videoFrames", video.frames());
            sidecar.put("videoSize", video.width() + "x" + video.height());
        }
        sidecar.put("notes", notes);
        files.add(writeJson(OutputNames.inside(dir, base + ".json"), sidecar));
        return new Written(files, preview, notes);
    }

    private Clip clip(GenerationRequest r, String label) {
        FrameSource all = SimulatedFrameRenderer.of(new SimulatedScene(r.prompt(), label,
                FrameFormat.of(r.width(), r.height(), r.frames()), r.seed()));
        if (config.outputMode() == OutputMode.FULL) {
            return new Clip(all, 1, VideoOptions.full(r.fps()));
        }
        int stride = (r.frames() + config.previewFrames() - 1) / config.previewFrames();
        int fps = Math.max(1, Math.round((float) r.fps() / stride));
        return new Clip(all.everyNth(stride), stride, VideoOptions.preview(fps, config.previewLongSide()));
    }

    private static Path writeJson(Path target, Map<String, Object> content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        try {
            Files.writeString(temp, JSON.writeValueAsString(content) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    private record Clip(FrameSource frames, int stride, VideoOptions options) {
    }
}
