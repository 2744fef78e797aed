package dev.storycore.comfyui;

import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a {@link ComfyUiBackend} works. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * @param catalog                    the templates to choose from. Default {@link TemplateCatalog#builtIn()}
 * @param client                     adjusts the client configuration of each server (timeouts, clock,
 *                                   sleeper); it receives a builder holding the server address and
 *                                   ComfyUiConfig's defaults. Default: no change
 * @param freeMemoryAfterOutOfMemory whether to {@code POST /free} after a job ran out of GPU memory, so
 *                                   the retry starts with nothing cached. Default true
 */
public record ComfyUiBackendOptions(TemplateCatalog catalog, UnaryOperator<ComfyUiConfig.Builder> client,
                                    boolean freeMemoryAfterOutOfMemory) {

    private static final ComfyUiBackendOptions DEFAULTS = builder().build();

    /** Checks for nulls. */
    public ComfyUiBackendOptions {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(client, "client");
    }

    /** @return the defaults above */
    public static ComfyUiBackendOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder with the defaults above */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().catalog(catalog).client(client).freeMemoryAfterOutOfMemory(freeMemoryAfterOutOfMemory);
    }

    /** The configuration of the client for one server. */
    ComfyUiConfig clientConfig(URI server) {
        return Objects.requireNonNull(client.apply(ComfyUiConfig.builder(server)), "client settings").build();
    }

    /** Collects options. Not thread-safe. */
    public static final class Builder {
        private TemplateCatalog catalog = TemplateCatalog.builtIn();
        private UnaryOperator<ComfyUiConfig.Builder> client = UnaryOperator.identity();
        private boolean freeMemoryAfterOutOfMemory = true;

        private Builder() {
        }

        /** @param value the templates @return this builder */
        public Builder catalog(TemplateCatalog value) {
            catalog = value;
            return this;
        }

        /**
         * Adjusts each server's client configuration, e.g. {@code b -> b.stallTimeout(Duration.ofMinutes(10))}.
         *
         * @param value returns the builder it is given, changed
         * @return this builder
         */
        public Builder client(UnaryOperator<ComfyUiConfig.Builder> value) {
            client = value;
            return this;
        }

        /** @param value whether to free memory after an out-of-memory failure @return this builder */
        public Builder freeMemoryAfterOutOfMemory(boolean value) {
            freeMemoryAfterOutOfMemory = value;
            return this;
        }

        /** @return the options */
        public ComfyUiBackendOptions build() {
            return new ComfyUiBackendOptions(catalog, client, freeMemoryAfterOutOfMemory);
        }
    }
}
