package dev.storycore.cli;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Makes the backends a run needs from {@code --backend}: {@code sim} for the GPU simulator (the
 * default), or one or more comma-separated {@code http(s)://} URLs of ComfyUI servers. Either way the
 * last-resort tier is the CPU placeholder backend. Bad values fail with a {@link UsageException}.
 */
final class BackendFactory {

    /** The chaos profiles of the simulator. */
    static final List<String> CHAOS = List.of("none", "mild", "harsh");

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
            chaos = BackendFactory.chaos(chaos);
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
     */
    record Backends(GenerationBackend gpu, GenerationBackend placeholder, Clock clock, Sleeper sleeper)
            implements AutoCloseable {
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
        throw new UsageException("ComfyUI backend not available in this build (asked for " + servers.size()
                + " server" + (servers.size() == 1 ? "" : "s") + ": " + value + ")");
    }

    private static Backends simulator(Options options) {
        throw new UsageException("GPU simulator not available in this build");
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

    static String chaos(String chaos) {
        String value = Objects.requireNonNull(chaos, "chaos").strip().toLowerCase(Locale.ROOT);
        if (!CHAOS.contains(value)) {
            throw new UsageException("--chaos must be none, mild or harsh, was '" + chaos + "'");
        }
        return value;
    }
}
