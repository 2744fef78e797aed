package dev.storycore.cli;

import dev.storycore.comfyui.ComfyUiBackend;
import dev.storycore.comfyui.ComfyUiBackendOptions;
import dev.storycore.comfyui.RoutingBackend;
import dev.storycore.comfyui.RoutingOptions;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.backend.cpu.CpuPlaceholderBackend;
import dev.storycore.generation.backend.cpu.CpuPlaceholderConfig;
import dev.storycore.generation.backend.sim.FailureProfile;
import dev.storycore.generation.backend.sim.GpuSimulatorBackend;
import dev.storycore.generation.backend.sim.GpuSimulatorConfig;
import dev.storycore.generation.backend.sim.OutputMode;
import dev.storycore.generation.backend.sim.VirtualClock;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the backends a run needs from {@code --backend}: {@code sim} for the GPU simulator (the
 * default), or one or more comma-separated {@code http(s)://} URLs of ComfyUI servers. Either way the
 * last-resort tier is the CPU placeholder backend. Bad values fail with a {@link UsageException}.
 *
 * <p>The simulator runs on a {@link VirtualClock} that the generators share, so breakers, analytics and
 * backoff waits live in the same simulated time as the jobs. Its chaos profile sets the chance faults;
 * {@code harsh} also gives the simulated server a corrupt model (Wan2.1 T2V-14B)
 * and a missing one (HunyuanVideo I2V). One URL makes a {@link ComfyUiBackend}; several make a
 * {@link RoutingBackend} with a breaker per server. A real server's GPU is read from its
 * {@code /system_stats} when it answers, so plans fit the card that is really there.
 */
final class BackendFactory {

    /** The chaos profiles of the simulator. */
    static final List<String> CHAOS = List.of("none", "mild", "harsh");
    /** Under {@code harsh}, the model whose weights file is corrupt on the simulated server. */
    static final Set<String> HARSH_CORRUPT = Set.of("wan2.1-t2v-14b");
    /** Under {@code harsh}, the model the simulated server does not have installed. */
    static final Set<String> HARSH_MISSING = Set.of("hunyuan-video-i2v");

    /**
     * What the backends are made for.
     *
     * @param gpu     the GPU to simulate, or to plan for on a real server
     * @param chaos   the simulator's failure profile: none, mild or harsh
     * @param seed    the simulator's seed
     * @param models  the models of the storyboard
     * @param preview whether the simulator writes preview-scale video (false: no video at all)
     */
    record Options(GpuProfile gpu, String chaos, long seed, ModelRegistry models, boolean preview) {
        Options {
            Objects.requireNonNull(gpu, "gpu");
            Objects.requireNonNull(models, "models");
            chaos = BackendFactory.chaos(chaos, "--chaos");
        }
    }

    /**
     * The backends of a run and the time they run on: virtual for the simulator, so backoff waits cost
     * no real time; the system's for real servers.
     *
     * @param gpu         the GPU backend
     * @param placeholder the CPU placeholder backend
     * @param clock       the time breakers and analytics read
     * @param sleeper     how backoff waits
     * @param detectedGpu the GPU a real server reported, if it answered
     */
    record Backends(GenerationBackend gpu, GenerationBackend placeholder, Clock clock, Sleeper sleeper,
                    Optional<GpuProfile> detectedGpu) implements AutoCloseable {
        @Override
        public void close() {
            gpu.close();
            placeholder.close();
        }
    }

    private BackendFactory() {
    }

    static Backends create(String spec, Options options) {
        String value = Objects.requireNonNull(spec, "spec").strip();
        if (value.equalsIgnoreCase("sim")) {
            return simulator(options);
        }
        List<URI> servers = urls(value);
        GenerationBackend gpu = servers.size() == 1
                ? ComfyUiBackend.connect(servers.get(0), ComfyUiBackendOptions.defaults())
                : RoutingBackend.connect(servers, ComfyUiBackendOptions.defaults(), RoutingOptions.defaults());
        var cpu = new CpuPlaceholderBackend(CpuPlaceholderConfig.builder().build());
        return new Backends(gpu, cpu, Clock.system(), Sleeper.system(), detectGpu(gpu));
    }

    private static Optional<GpuProfile> detectGpu(GenerationBackend backend) {
        try {
            GpuProfile gpu = backend.systemStats().gpu();
            return gpu.vramBytes() > 0 ? Optional.of(gpu) : Optional.empty();
        } catch (BackendException e) {
            return Optional.empty();
        }
    }

    private static Backends simulator(Options options) {
        var clock = new VirtualClock();
        boolean harsh = options.chaos().equals("harsh");
        var sim = new GpuSimulatorBackend(GpuSimulatorConfig.builder().gpu(options.gpu()).seed(options.seed())
                .failureProfile(FailureProfile.parse(options.chaos())).models(options.models())
                .corruptModels(harsh ? HARSH_CORRUPT : Set.of()).missingModels(harsh ? HARSH_MISSING : Set.of())
                .outputMode(options.preview() ? OutputMode.PREVIEW : OutputMode.NO_VIDEO).virtualClock(clock)
                .build());
        var cpu = new CpuPlaceholderBackend(CpuPlaceholderConfig.builder().clock(clock).build());
        return new Backends(sim, cpu, clock, clock.sleeper(), Optional.empty());
    }

    static List<URI> urls(String value) {
        List<URI> servers = new ArrayList<>();
        for (String part : value.split(",")) {
            String text = part.strip();
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new UsageException("--backend must be sim or http(s) URLs separated by commas, was '"
                        + value + "'");
            }
            try {
                URI uri = URI.create(text);
                if (uri.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                servers.add(uri);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--backend: bad URL '" + text + "' (" + e.getMessage() + ")");
            }
        }
        return servers;
    }

    /**
     * Reads a failure profile name.
     *
     * @param chaos  the name, any case
     * @param option the option it came from, for the error message
     * @throws UsageException naming the option if it is none of none, mild and harsh
     */
    static String chaos(String chaos, String option) {
        String value = Objects.requireNonNull(chaos, "chaos").strip().toLowerCase(Locale.ROOT);
        if (!CHAOS.contains(value)) {
            throw new UsageException(option + " must be none, mild or harsh, was '" + chaos + "'");
        }
        return value;
    }
}
