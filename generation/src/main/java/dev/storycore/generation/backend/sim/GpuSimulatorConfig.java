package dev.storycore.generation.backend.sim;

import dev.storycore.generation.hardware.GpuPresets;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.media.Mp4Writer;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a {@link GpuSimulatorBackend} behaves. Immutable; build with {@link #builder()}.
 *
 * @param name                    the backend's name in reports. Default {@code sim}
 * @param gpu                     the simulated device. Default {@link GpuPresets#DEFAULT}, a 16 GB RTX 4080
 * @param seed                    drives every random choice and the per-model memory bias. Default 0
 * @param failureProfile          chance faults per attempt. Default {@link FailureProfile#NONE}
 * @param models                  the models the simulated server has. Default {@link ModelRegistry#builtIn()}
 * @param corruptModels           model ids whose weights file is corrupt (lowercase). Default none
 * @param missingModels           model ids whose files are not installed (lowercase). Default none
 * @param outputMode              what a successful job writes. Default {@link OutputMode#PREVIEW}
 * @param previewFrames           the most frames a preview encodes. Default 16
 * @param previewLongSide         the long side of a preview in pixels. Default 480
 * @param mp4Writer               writes the videos. Default {@link Mp4Writer#detect()}
 * @param hostRamBytes            system RAM of the simulated server. Default 64 GB
 * @param otherProcessesVramBytes GPU memory held by other processes, unavailable to jobs. Default 0
 * @param stallTimeout            how long a client waits on a silent job before giving up. Default 300 s,
 *                                the stall timeout of {@code ComfyUiBackend}
 * @param reattachAfterDrop       whether the simulated client re-attaches to a job whose connection dropped,
 *                                as {@code ComfyUiBackend} does (the server keeps running the prompt), instead
 *                                of failing the attempt with the drop's report. Default {@code true}
 * @param clock                   the time the backend reports. Default a new {@link VirtualClock}
 * @param sleeper                 spends simulated time. Default the virtual clock's sleeper
 * @param timeScale               real seconds per simulated second handed to the sleeper. Default 1
 */
public record GpuSimulatorConfig(
        String name,
        GpuProfile gpu,
        long seed,
        FailureProfile failureProfile,
        ModelRegistry models,
        Set<String> corruptModels,
        Set<String> missingModels,
        OutputMode outputMode,
        int previewFrames,
        int previewLongSide,
        Mp4Writer mp4Writer,
        long hostRamBytes,
        long otherProcessesVramBytes,
        Duration stallTimeout,
        boolean reattachAfterDrop,
        Clock clock,
        Sleeper sleeper,
        double timeScale) {

    /**
     * Validates every value and normalises the model ids.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public GpuSimulatorConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(failureProfile, "failureProfile");
        Objects.requireNonNull(models, "models");
        corruptModels = ids(corruptModels, "corruptModels");
        missingModels = ids(missingModels, "missingModels");
        Objects.requireNonNull(outputMode, "outputMode");
        require(previewFrames >= 1, "previewFrames must be at least 1, was " + previewFrames);
        require(previewLongSide >= 16, "previewLongSide must be at least 16, was " + previewLongSide);
        Objects.requireNonNull(mp4Writer, "mp4Writer");
        require(hostRamBytes > 0, "hostRamBytes must be positive, was " + hostRamBytes);
        require(otherProcessesVramBytes >= 0 && otherProcessesVramBytes < gpu.vramBytes(),
                "otherProcessesVramBytes must be in [0, the GPU's VRAM), was " + otherProcessesVramBytes);
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        require(stallTimeout.isPositive(), "stallTimeout must be positive, was " + stallTimeout);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        require(timeScale > 0 && Double.isFinite(timeScale), "timeScale must be a finite number > 0, was " + timeScale);
    }

    /**
     * A builder with the defaults above.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static Set<String> ids(Set<String> ids, String name) {
        Objects.requireNonNull(ids, name);
        return ids.stream().map(id -> Objects.requireNonNull(id, name).strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Collects values for a {@link GpuSimulatorConfig}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String name = "sim";
        private GpuProfile gpu = GpuPresets.DEFAULT;
        private long seed;
        private FailureProfile failureProfile = FailureProfile.NONE;
        private ModelRegistry models = ModelRegistry.builtIn();
        private Set<String> corruptModels = Set.of();
        private Set<String> missingModels = Set.of();
        private OutputMode outputMode = OutputMode.PREVIEW;
        private int previewFrames = 16;
        private int previewLongSide = 480;
        private Mp4Writer mp4Writer;
        private long hostRamBytes = 64 * GpuProfile.GIB;
        private long otherProcessesVramBytes;
        private Duration stallTimeout = Duration.ofSeconds(300);
        private boolean reattachAfterDrop = true;
        private Clock clock;
        private Sleeper sleeper;
        private double timeScale = 1.0;

        private Builder() {
        }

        private Builder(GpuSimulatorConfig c) {
            name = c.name;
            gpu = c.gpu;
            seed = c.seed;
            failureProfile = c.failureProfile;
            models = c.models;
            corruptModels = c.corruptModels;
            missingModels = c.missingModels;
            outputMode = c.outputMode;
            previewFrames = c.previewFrames;
            previewLongSide = c.previewLongSide;
            mp4Writer = c.mp4Writer;
            hostRamBytes = c.hostRamBytes;
            otherProcessesVramBytes = c.otherProcessesVramBytes;
            stallTimeout = c.stallTimeout;
            reattachAfterDrop = c.reattachAfterDrop;
            clock = c.clock;
            sleeper = c.sleeper;
            timeScale = c.timeScale;
        }

        /** @param value the backend's name @return this builder */
        public Builder name(String value) {
            name = value;
            return this;
        }

        /** @param value the simulated GPU @return this builder */
        public Builder gpu(GpuProfile value) {
            gpu = value;
            return this;
        }

        /** @param value the seed @return this builder */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value the chance faults @return this builder */
        public Builder failureProfile(FailureProfile value) {
            failureProfile = value;
            return this;
        }

        /** @param value the installed models @return this builder */
        public Builder models(ModelRegistry value) {
            models = value;
            return this;
        }

        /** @param ids model ids whose weights are corrupt; replaces earlier ones @return this builder */
        public Builder corruptModels(Set<String> ids) {
            corruptModels = Set.copyOf(ids);
            return this;
        }

        /** @param ids model ids that are not installed; replaces earlier ones @return this builder */
        public Builder missingModels(Set<String> ids) {
            missingModels = Set.copyOf(ids);
            return this;
        }

        /** @param value what successful jobs write @return this builder */
        public Builder outputMode(OutputMode value) {
            outputMode = value;
            return this;
        }

        /** @param value the most frames a preview encodes, at least 1 @return this builder */
        public Builder previewFrames(int value) {
            previewFrames = value;
            return this;
        }

        /** @param value the long side of previews in pixels, at least 16 @return this builder */
        public Builder previewLongSide(int value) {
            previewLongSide = value;
            return this;
        }

        /** @param value the video writer @return this builder */
        public Builder mp4Writer(Mp4Writer value) {
            mp4Writer = value;
            return this;
        }

        /** @param bytes system RAM of the simulated server @return this builder */
        public Builder hostRamBytes(long bytes) {
            hostRamBytes = bytes;
            return this;
        }

        /** @param bytes GPU memory other processes hold @return this builder */
        public Builder otherProcessesVramBytes(long bytes) {
            otherProcessesVramBytes = bytes;
            return this;
        }

        /** @param value how long a client waits on a silent job @return this builder */
        public Builder stallTimeout(Duration value) {
            stallTimeout = value;
            return this;
        }

        /**
         * Whether a dropped connection ends the attempt. With {@code true} (the default) the simulated
         * client reconnects and follows the job to its end, as {@code ComfyUiBackend} does; with
         * {@code false} it behaves like a client that gives up on a closed socket: the attempt fails with
         * the drop's report and the GPU time so far is lost.
         *
         * @param value whether to re-attach
         * @return this builder
         */
        public Builder reattachAfterDrop(boolean value) {
            reattachAfterDrop = value;
            return this;
        }

        /**
         * Runs on the given virtual clock: simulated work advances it and never blocks.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder virtualClock(VirtualClock value) {
            Objects.requireNonNull(value, "virtualClock");
            clock = value;
            sleeper = value.sleeper();
            timeScale = 1.0;
            return this;
        }

        /**
         * Runs in real time: simulated work really sleeps, {@code timeScale} real seconds per simulated
         * second (0.01 turns a ten-minute job into six seconds), for demos.
         *
         * @param scale real seconds per simulated second
         * @return this builder
         */
        public Builder realTime(double scale) {
            return time(Clock.system(), Sleeper.system(), scale);
        }

        /**
         * Uses any clock and sleeper, e.g. a test's fake pair.
         *
         * @param newClock   the time the backend reports
         * @param newSleeper spends simulated time
         * @param scale      real seconds per simulated second handed to the sleeper
         * @return this builder
         */
        public Builder time(Clock newClock, Sleeper newSleeper, double scale) {
            clock = Objects.requireNonNull(newClock, "clock");
            sleeper = Objects.requireNonNull(newSleeper, "sleeper");
            timeScale = scale;
            return this;
        }

        /**
         * Builds the configuration; a fresh {@link VirtualClock} if no time source was set.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming the parameter that is wrong
         */
        public GpuSimulatorConfig build() {
            Clock useClock = clock;
            Sleeper useSleeper = sleeper;
            if (useClock == null) {
                VirtualClock virtual = new VirtualClock();
                useClock = virtual;
                useSleeper = virtual.sleeper();
            }
            return new GpuSimulatorConfig(name, gpu, seed, failureProfile, models, corruptModels, missingModels,
                    outputMode, previewFrames, previewLongSide, mp4Writer == null ? Mp4Writer.detect() : mp4Writer,
                    hostRamBytes, otherProcessesVramBytes, stallTimeout, reattachAfterDrop, useClock, useSleeper,
                    timeScale);
        }
    }
}
