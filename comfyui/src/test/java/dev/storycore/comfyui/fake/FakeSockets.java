package dev.storycore.comfyui.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's {@code /ws} clients by client id, as ComfyUI keeps them: a new socket with the same id
 * replaces the old one; on connect the client gets {@code status} with its {@code sid} and, if its
 * prompt is running, the running node. Thread-safe.
 */
final class FakeSockets {

    private final FakeComfyUi server;
    private final Map<String, WebSocketConnection> sockets = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();

    FakeSockets(FakeComfyUi server) {
        this.server = server;
    }

    /** Serves one upgraded connection until it closes; runs on the connection's thread. */
    void accept(String query, WebSocketConnection connection) {
        connections.incrementAndGet();
        String clientId = query.startsWith("clientId=")
                ? URLDecoder.decode(query.substring("clientId=".length()), StandardCharsets.UTF_8)
                : UUID.randomUUID().toString();
        WebSocketConnection previous = sockets.put(clientId, connection);
        if (previous != null) {
            previous.drop();
        }
        try {
            connection.open();
        } catch (IOException e) {
            sockets.remove(clientId, connection);
            connection.drop();
            return;
        }
        connection.sendText(message("status", statusData().put("sid", clientId)));
        String node = server.lastNode();
        if (node != null && server.queueState().running().filter(job -> job.clientId.equals(clientId)).isPresent()) {
            connection.sendText(message("executing", server.json().createObjectNode().put("node", node)));
        }
        connection.readLoop(text -> { });
        sockets.remove(clientId, connection);
    }

    int connections() {
        return connections.get();
    }

    void sendTo(String clientId, String type, ObjectNode data) {
        WebSocketConnection socket = sockets.get(clientId);
        if (socket != null) {
            socket.sendText(message(type, data));
        }
    }

    void broadcast(String type, ObjectNode data) {
        String text = message(type, data);
        sockets.values().forEach(socket -> socket.sendText(text));
    }

    void broadcastStatus() {
        broadcast("status", statusData());
    }

    /** A binary preview frame: event type 1 (preview image), image type 2 (PNG), then bytes. */
    void sendPreview(String clientId) {
        WebSocketConnection socket = sockets.get(clientId);
        if (socket != null) {
            socket.sendBinary(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, (byte) 0x89, 'P', 'N', 'G'});
        }
    }

    /** Cuts the client's socket without a close frame. */
    void drop(String clientId) {
        WebSocketConnection socket = sockets.remove(clientId);
        if (socket != null) {
            socket.drop();
        }
    }

    void dropAll() {
        sockets.values().forEach(WebSocketConnection::drop);
    }

    private ObjectNode statusData() {
        ObjectNode data = server.json().createObjectNode();
        data.putObject("status").putObject("exec_info").put("queue_remaining", server.queueState().remaining());
        return data;
    }

    private String message(String type, ObjectNode data) {
        ObjectNode message = server.json().createObjectNode().put("type", type);
        message.set("data", data);
        return message.toString();
    }
}
