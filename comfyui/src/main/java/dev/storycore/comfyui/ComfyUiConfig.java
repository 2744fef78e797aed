package dev.storycore.comfyui;

import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link ComfyUiClient} talks to one server. Immutable; build with {@link #builder(URI)}.
 *
 * <p>Waiting on the WebSocket uses real time (it waits for bytes from the server); everything the
 * client waits for on its own (poll intervals, reconnect backoff) goes through {@link #sleeper()},
 * and every deadline is measured with {@link #clock()}.
 *
 * @param baseUri             the server, e.g. {@code http://127.0.0.1:8188/}; always ends with {@code /}
 * @param clientId            the id sent as {@code client_id} and {@code clientId}; the server sends
 *                            a prompt's messages to the socket with this id. Default: a random UUID
 * @param connectTimeout      TCP connect limit. Default 5 s
 * @param requestTimeout      limit for one HTTP answer or WebSocket handshake. Default 30 s
 * @param silenceTimeout      how long the socket may say nothing about a watched prompt before the
 *                            client asks {@code /history} and {@code /queue}. Default 30 s
 * @param pollInterval        pause between polls once the socket is gone. Default 2 s
 * @param reconnectAttempts   socket reconnects tried in a row before polling only. Default 5
 * @param reconnectBackoff    first pause before a reconnect; doubles per attempt. Default 500 ms
 * @param maxReconnectBackoff the longest such pause. Default 10 s
 * @param deadServerTimeout   how long the server may stay unreachable (refused, reset, 5xx, timed out)
 *                            before a watched prompt is reported lost. Default 60 s
 * @param stallTimeout        the longest a prompt the queue reports as running (not merely waiting in
 *                            the queue) may go without a message about it, while the socket is open,
 *                            before the watch reports it stalled. The clock starts when the prompt is
 *                            first seen running or first heard, and every message about it restarts it.
 *                            Default 5 min: one node (loading a 28 GB checkpoint, an untiled VAE decode
 *                            of a long 720p clip) can run a minute or two without a progress message
 * @param jobTimeout          the longest a watch waits for one prompt. Default 2 h
 * @param clock               the time source for deadlines. Default {@link Clock#system()}
 * @param sleeper             waits between polls and reconnects. Default {@link Sleeper#system()}
 */
public record ComfyUiConfig(
        URI baseUri,
        String clientId,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration silenceTimeout,
        Duration pollInterval,
        int reconnectAttempts,
        Duration reconnectBackoff,
        Duration maxReconnectBackoff,
        Duration deadServerTimeout,
        Duration stallTimeout,
        Duration jobTimeout,
        Clock clock,
        Sleeper sleeper) {

    /**
     * Validates every value.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    public ComfyUiConfig {
        baseUri = normalize(baseUri);
        Objects.requireNonNull(clientId, "clientId");
        if (clientId.isBlank()) {
            throw new IllegalArgumentException("clientId must not be blank");
        }
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        positive(silenceTimeout, "silenceTimeout");
        positive(pollInterval, "pollInterval");
        if (reconnectAttempts < 0) {
            throw new IllegalArgumentException("reconnectAttempts must not be negative, was " + reconnectAttempts);
        }
        positive(reconnectBackoff, "reconnectBackoff");
        positive(maxReconnectBackoff, "maxReconnectBackoff");
        if (maxReconnectBackoff.compareTo(reconnectBackoff) < 0) {
            throw new IllegalArgumentException("maxReconnectBackoff must be at least reconnectBackoff ("
                    + reconnectBackoff + "), was " + maxReconnectBackoff);
        }
        positive(deadServerTimeout, "deadServerTimeout");
        positive(stallTimeout, "stallTimeout");
        positive(jobTimeout, "jobTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * Starts a configuration with the defaults above.
     *
     * @param baseUri the server, {@code http} or {@code https}, e.g. {@code http://127.0.0.1:8188}
     * @return a builder
     */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /**
     * A builder holding this configuration's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static URI normalize(URI uri) {
        Objects.requireNonNull(uri, "baseUri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("baseUri must be http or https, was " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must name a host, was " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUri must have no query or fragment, was " + uri);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(scheme + "://" + uri.getRawAuthority() + (path.endsWith("/") ? path : path + "/"));
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** Collects values for a {@link ComfyUiConfig}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private URI baseUri;
        private String clientId = UUID.randomUUID().toString();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration silenceTimeout = Duration.ofSeconds(30);
        private Duration pollInterval = Duration.ofSeconds(2);
        private int reconnectAttempts = 5;
        private Duration reconnectBackoff = Duration.ofMillis(500);
        private Duration maxReconnectBackoff = Duration.ofSeconds(10);
        private Duration deadServerTimeout = Duration.ofSeconds(60);
        private Duration stallTimeout = Duration.ofMinutes(5);
        private Duration jobTimeout = Duration.ofHours(2);
        private Clock clock = Clock.system();
        private Sleeper sleeper = Sleeper.system();

        private Builder(URI baseUri) {
            this.baseUri = baseUri;
        }

        private Builder(ComfyUiConfig config) {
            baseUri = config.baseUri;
            clientId = config.clientId;
            connectTimeout = config.connectTimeout;
            requestTimeout = config.requestTimeout;
            silenceTimeout = config.silenceTimeout;
            pollInterval = config.pollInterval;
            reconnectAttempts = config.reconnectAttempts;
            reconnectBackoff = config.reconnectBackoff;
            maxReconnectBackoff = config.maxReconnectBackoff;
            deadServerTimeout = config.deadServerTimeout;
            stallTimeout = config.stallTimeout;
            jobTimeout = config.jobTimeout;
            clock = config.clock;
            sleeper = config.sleeper;
        }

        /** Sets the server. @param value the server @return this builder */
        public Builder baseUri(URI value) {
            baseUri = value;
            return this;
        }

        /** Sets the client id. @param value the client id @return this builder */
        public Builder clientId(String value) {
            clientId = value;
            return this;
        }

        /** Sets the TCP connect limit. @param value TCP connect limit @return this builder */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /** Sets the limit for one HTTP answer or WebSocket handshake. @param value limit for one HTTP answer or handshake @return this builder */
        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        /** Sets how long the socket may be silent before polling. @param value socket silence before polling @return this builder */
        public Builder silenceTimeout(Duration value) {
            silenceTimeout = value;
            return this;
        }

        /** Sets the pause between polls without a socket. @param value pause between polls without a socket @return this builder */
        public Builder pollInterval(Duration value) {
            pollInterval = value;
            return this;
        }

        /** Sets the reconnects tried in a row before polling only. @param value reconnects in a row before polling only @return this builder */
        public Builder reconnectAttempts(int value) {
            reconnectAttempts = value;
            return this;
        }

        /**
         * Sets the reconnect backoff.
         *
         * @param first the first reconnect pause, doubled per attempt
         * @param max   the longest pause
         * @return this builder
         */
        public Builder reconnectBackoff(Duration first, Duration max) {
            reconnectBackoff = first;
            maxReconnectBackoff = max;
            return this;
        }

        /** Sets how long the server may stay unreachable. @param value how long the server may stay unreachable @return this builder */
        public Builder deadServerTimeout(Duration value) {
            deadServerTimeout = value;
            return this;
        }

        /**
         * Sets how long a running prompt may send nothing before it is reported stalled.
         *
         * @param value the longest silence of a running prompt
         * @return this builder
         */
        public Builder stallTimeout(Duration value) {
            stallTimeout = value;
            return this;
        }

        /** Sets the longest wait for one prompt. @param value the longest wait for one prompt @return this builder */
        public Builder jobTimeout(Duration value) {
            jobTimeout = value;
            return this;
        }

        /** Sets the time source. @param value the time source @return this builder */
        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        /** Sets what waits between polls and reconnects. @param value waits between polls and reconnects @return this builder */
        public Builder sleeper(Sleeper value) {
            sleeper = value;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException naming a parameter that is wrong
         */
        public ComfyUiConfig build() {
            return new ComfyUiConfig(baseUri, clientId, connectTimeout, requestTimeout, silenceTimeout, pollInterval,
                    reconnectAttempts, reconnectBackoff, maxReconnectBackoff, deadServerTimeout, stallTimeout,
                    jobTimeout, clock, sleeper);
        }
    }
}
