package dev.storycore.comfyui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ComfyUI's {@code /ws?clientId=} socket as a queue of signals: each complete text message, and one
 * final {@link Signal.Closed} when the server closes it or the connection fails. Binary frames
 * (previews) are dropped. The JDK calls the listener methods one at a time, so the partial-message
 * buffer needs no lock. Not exported; {@link #next} is for one consumer thread.
 */
final class EventSocket implements WebSocket.Listener, AutoCloseable {

    /** What the socket delivered. */
    sealed interface Signal {
        /** A complete text message. */
        record Text(String json) implements Signal {
        }

        /** The socket is gone; nothing follows. */
        record Closed(String reason) implements Signal {
        }
    }

    private final BlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket webSocket;

    private EventSocket() {
    }

    /**
     * Opens the socket.
     *
     * @throws ComfyUiUnavailableException when refused or the handshake fails
     * @throws ComfyUiTimeoutException     when the handshake takes longer than {@code handshakeTimeout}
     */
    static EventSocket open(HttpClient http, URI baseUri, String clientId, Duration connectTimeout,
                            Duration handshakeTimeout) {
        URI uri = webSocketUri(baseUri, clientId);
        String endpoint = "GET " + uri;
        EventSocket socket = new EventSocket();
        CompletableFuture<WebSocket> opening = http.newWebSocketBuilder()
                .connectTimeout(connectTimeout)
                .buildAsync(uri, socket);
        try {
            socket.webSocket = opening.get(handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return socket;
        } catch (TimeoutException e) {
            // A handshake that completes after all must not leave a socket nobody reads.
            opening.thenAccept(WebSocket::abort);
            throw new ComfyUiTimeoutException(endpoint + ": WebSocket handshake timed out after "
                    + Transport.human(handshakeTimeout), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new ComfyUiTimeoutException(endpoint + ": connect timed out after "
                        + Transport.human(connectTimeout), cause);
            }
            throw Transport.unavailable(endpoint, cause);
        } catch (InterruptedException e) {
            opening.thenAccept(WebSocket::abort);
            Thread.currentThread().interrupt();
            throw new ComfyUiException(endpoint + ": interrupted while opening the WebSocket", e);
        }
    }

    /** {@code ws://host:port/base/ws?clientId=...} for an {@code http} base, {@code wss} for {@code https}. */
    static URI webSocketUri(URI baseUri, String clientId) {
        String scheme = baseUri.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + baseUri.getRawAuthority() + baseUri.getRawPath() + "ws?clientId="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    /**
     * Waits for the next signal.
     *
     * @param timeout how long to wait
     * @return the signal, or empty when nothing came in time
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    Optional<Signal> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(signals.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS));
    }

    @Override
    public void onOpen(WebSocket socket) {
        socket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            signals.add(new Signal.Text(partial.toString()));
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        signals.add(new Signal.Closed("connection closed by the server (WebSocket close " + statusCode
                + (reason.isEmpty() ? "" : " " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        signals.add(new Signal.Closed("connection closed (" + detail + ")"));
    }

    /** Closes the socket without waiting for the server's answer. Idempotent. */
    @Override
    public void close() {
        WebSocket socket = webSocket;
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                    .orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((ignored, failure) -> socket.abort());
        } else if (socket != null) {
            socket.abort();
        }
    }
}
