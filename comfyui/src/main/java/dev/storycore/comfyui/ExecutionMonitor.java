package dev.storycore.comfyui;

import dev.storycore.resilience.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Watches one prompt until it ends, over the WebSocket when it talks and by polling when it does not.
 *
 * <p>Implementation notes. The loop has two modes. <em>Listening</em>: wait on the socket for at
 * most the silence timeout; messages about the prompt go to the listener, and
 * {@code execution_error}, {@code execution_interrupted} or the final {@code executing} (then the
 * history) end the watch. When the socket says nothing about the prompt for the silence timeout,
 * one <em>check</em> asks {@code /history}, then {@code /queue}, then {@code /history} again (the
 * prompt may finish between the two), so a prompt that is in neither has really vanished.
 * <em>Disconnected</em>: after the socket closes, check at once, then reconnect with doubling backoff
 * (checking after each attempt); when the attempts are used up, only poll at the poll interval.
 * Every failed call starts or extends an unreachable stretch; one longer than the dead-server timeout
 * ends the watch as lost, and so does the job timeout. A prompt that a check finds running, while
 * the socket has been open and silent about it for the stall timeout, ends the watch as stalled (see
 * {@link StallWatch}); the stall is noticed at the first check past the timeout, so at most one
 * silence timeout late. Without a socket the watch cannot hear the prompt, so it never calls it
 * stalled. All waits but the socket's go through the injected sleeper, all deadlines through the
 * injected clock.
 *
 * <p>Not thread-safe: one instance per watch, used by the watching thread only.
 */
final class ExecutionMonitor {

    private static final System.Logger LOG = System.getLogger(ExecutionMonitor.class.getName());

    private final ComfyUiConfig config;
    private final ServerAccess server;
    private final String promptId;
    private final ProgressListener listener;
    private final Clock clock;
    private final long startNanos;
    private final StallWatch stall;
    private EventSocket socket;
    private long quietSinceNanos;
    private long unreachableSinceNanos;
    private boolean unreachable;
    private int reconnectsInARow;

    /** A watch of {@code promptId}; {@code nodeClasses} (node id to class) name the node a stalled prompt hangs in. */
    ExecutionMonitor(ComfyUiConfig config, ServerAccess server, String promptId, ProgressListener listener,
                     Optional<EventSocket> openSocket, Map<String, String> nodeClasses) {
        this.config = config;
        this.server = server;
        this.promptId = promptId;
        this.listener = listener;
        this.clock = config.clock();
        this.startNanos = clock.nanoTime();
        this.quietSinceNanos = startNanos;
        this.stall = new StallWatch(config.stallTimeout(), nodeClasses);
        this.socket = openSocket.orElse(null);
    }

    /** Runs the watch to its end; closes the socket on the way out. */
    ExecutionResult run() throws InterruptedException {
        try {
            if (socket == null) {
                connect();
            }
            while (true) {
                if (remaining().isZero()) {
                    return lost(LossReason.JOB_TIMEOUT, "prompt " + promptId + " on " + config.baseUri()
                            + " timed out after " + Transport.human(config.jobTimeout()));
                }
                Optional<ExecutionResult> result = socket != null ? listen() : reconnectOrPoll();
                if (result.isPresent()) {
                    return result.get();
                }
            }
        } finally {
            closeSocket();
        }
    }

    private Optional<ExecutionResult> listen() throws InterruptedException {
        Duration quiet = Duration.ofNanos(clock.nanoTime() - quietSinceNanos);
        Duration wait = min(config.silenceTimeout().minus(quiet), remaining());
        Optional<EventSocket.Signal> signal = wait.isNegative() || wait.isZero() ? Optional.empty() : socket.next(wait);
        if (signal.isEmpty()) {
            if (remaining().isZero()) {
                return Optional.empty();
            }
            notify(new ExecutionEvent.SocketSilent(promptId, config.silenceTimeout()));
            quietSinceNanos = clock.nanoTime();
            return check();
        }
        return switch (signal.get()) {
            case EventSocket.Signal.Text text -> onMessage(text.json());
            case EventSocket.Signal.Closed closed -> onClosed(closed.reason());
        };
    }

    private Optional<ExecutionResult> onMessage(String json) {
        Optional<ExecutionEvent> parsed;
        try {
            parsed = MessageParsing.message(json);
        } catch (ComfyUiProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a WebSocket message that is not JSON: {0}", Transport.snippet(json));
            return Optional.empty();
        }
        reachable();
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ExecutionEvent event = parsed.get();
        if (event instanceof ExecutionEvent.Status) {
            notify(event);
            return Optional.empty();
        }
        // Messages of the client's other prompts, and the id-less "executing" sent on reconnect.
        if (!MessageParsing.promptIdOf(event).equals(promptId)) {
            return Optional.empty();
        }
        reconnectsInARow = 0;
        quietSinceNanos = clock.nanoTime();
        stall.heard(event, quietSinceNanos);
        notify(event);
        return switch (event) {
            case ExecutionEvent.Failed failed -> Optional.of(new ExecutionResult.Failed(failed.error()));
            case ExecutionEvent.Interrupted i -> Optional.of(new ExecutionResult.Interrupted(promptId, i.nodeId(), i.nodeType()));
            case ExecutionEvent.Finished finished -> finishedResult();
            default -> Optional.empty();
        };
    }

    /** After the final {@code executing}: the history has the outputs, unless the call fails. */
    private Optional<ExecutionResult> finishedResult() {
        try {
            Optional<HistoryEntry> entry = server.history(promptId);
            return entry.map(HistoryEntry::toResult);
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException e) {
            return noteUnreachable(e);
        }
    }

    private Optional<ExecutionResult> onClosed(String reason) {
        closeSocket();
        notify(new ExecutionEvent.SocketLost(promptId, reason));
        return check();
    }

    private Optional<ExecutionResult> reconnectOrPoll() throws InterruptedException {
        if (reconnectsInARow < config.reconnectAttempts()) {
            reconnectsInARow++;
            sleep(backoff(reconnectsInARow));
            if (connect()) {
                notify(new ExecutionEvent.SocketReconnected(promptId, reconnectsInARow));
            }
        } else {
            sleep(config.pollInterval());
        }
        return check();
    }

    /** Asks the server whether the prompt is done, still queued, or gone. */
    private Optional<ExecutionResult> check() {
        try {
            Optional<HistoryEntry> entry = server.history(promptId);
            if (entry.isEmpty()) {
                QueueState queue = server.queue();
                if (queue.contains(promptId)) {
                    reachable();
                    return stillQueued(queue.isRunning(promptId));
                }
                entry = server.history(promptId);
            }
            reachable();
            return Optional.of(entry.map(HistoryEntry::toResult).orElseGet(() -> lost(LossReason.PROMPT_VANISHED,
                    "prompt " + promptId + " is neither queued, running nor in the history of " + config.baseUri()
                            + "; the server may have restarted")));
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException e) {
            return noteUnreachable(e);
        }
    }

    /** The prompt is queued or running: keep waiting, unless it runs and has stalled. */
    private Optional<ExecutionResult> stillQueued(boolean running) {
        long now = clock.nanoTime();
        if (running) {
            stall.seenRunning(now);
            if (socket != null && stall.stalled(now)) {
                String node = stall.lastNode();
                return Optional.of(lost(LossReason.STALLED, "prompt " + promptId + " on " + config.baseUri()
                        + " stalled: running, but no progress for " + Transport.human(stall.silence(now))
                        + " (stall timeout " + Transport.human(config.stallTimeout()) + ")"
                        + (node.isEmpty() ? "" : "; last executing " + node)));
            }
        }
        notify(new ExecutionEvent.StillQueued(promptId, running));
        return Optional.empty();
    }

    private Optional<ExecutionResult> noteUnreachable(ComfyUiException failure) {
        long now = clock.nanoTime();
        if (!unreachable) {
            unreachable = true;
            unreachableSinceNanos = now;
        }
        Duration down = Duration.ofNanos(now - unreachableSinceNanos);
        if (down.compareTo(config.deadServerTimeout()) < 0) {
            return Optional.empty();
        }
        return Optional.of(lost(LossReason.SERVER_UNREACHABLE, "ComfyUI at " + config.baseUri()
                + " unreachable for " + Transport.human(down) + " while running prompt " + promptId + "; last error: "
                + failure.getMessage()));
    }

    private void reachable() {
        unreachable = false;
    }

    /** Opens the socket; a failure counts toward the unreachable stretch. */
    private boolean connect() {
        try {
            socket = server.openSocket();
            quietSinceNanos = clock.nanoTime();
            stall.listeningAgain(quietSinceNanos);
            return true;
        } catch (ComfyUiUnavailableException | ComfyUiTimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "WebSocket to {0} failed: {1}", config.baseUri(), e.getMessage());
            // The check that follows every attempt ends the watch if this stretch is long enough.
            noteUnreachable(e);
            return false;
        }
    }

    private Duration backoff(int attempt) {
        Duration pause = config.reconnectBackoff();
        for (int i = 1; i < attempt && pause.compareTo(config.maxReconnectBackoff()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return min(min(pause, config.maxReconnectBackoff()), remaining());
    }

    private void sleep(Duration pause) throws InterruptedException {
        Duration bounded = min(pause, remaining());
        if (!bounded.isZero()) {
            config.sleeper().sleep(bounded);
        }
    }

    private Duration remaining() {
        Duration left = config.jobTimeout().minusNanos(clock.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private ExecutionResult lost(LossReason reason, String message) {
        return new ExecutionResult.Lost(promptId, reason, message);
    }

    private void notify(ExecutionEvent event) {
        deliver(listener, event);
    }

    /** Calls a listener; one that throws is logged and never breaks the watch. */
    static void deliver(ProgressListener listener, ExecutionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Progress listener threw on " + event, e);
        }
    }

    private void closeSocket() {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
