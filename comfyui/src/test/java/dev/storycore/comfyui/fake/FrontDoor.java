package dev.storycore.comfyui.fake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake server's one public port. The JDK's HTTP server has no WebSocket support, so this reads
 * each connection's request head: a WebSocket upgrade of {@code /ws} is answered here, any other
 * request is piped to the internal HTTP server with {@code Connection: close}, so every request
 * arrives on a connection of its own and is routed by its own head. Closing it makes the port refuse
 * connections, like a stopped ComfyUI.
 *
 * <p>Thread-safe; one virtual thread per connection and direction.
 */
final class FrontDoor {

    /** Receives upgraded sockets: the query string of {@code /ws} and the open connection. */
    interface WebSocketHandler {
        void accept(String query, WebSocketConnection connection);
    }

    private final ServerSocket server;
    private final int backendPort;
    private final WebSocketHandler webSockets;
    private final Set<Socket> webSocketSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    FrontDoor(int backendPort, WebSocketHandler webSockets) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.backendPort = backendPort;
        this.webSockets = webSockets;
        Thread.ofVirtual().name("fake-comfyui-accept").start(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /**
     * Stops accepting and cuts every WebSocket. Piped HTTP connections end when the HTTP server
     * behind them stops, so an answer already written still reaches its client. Idempotent.
     */
    void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        webSocketSockets.forEach(FrontDoor::resetQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> route(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void route(Socket client) {
        try {
            InputStream in = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(in);
            if (head == null) {
                closeQuietly(client);
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String requestLine = text.substring(0, text.indexOf("\r\n"));
            Map<String, String> headers = headers(text);
            String target = requestLine.split(" ")[1];
            if (requestLine.startsWith("GET /ws") && "websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                webSocketSockets.add(client);
                WebSocketConnection connection = WebSocketConnection.upgrade(client, in, headers.get("sec-websocket-key"));
                int query = target.indexOf('?');
                webSockets.accept(query < 0 ? "" : target.substring(query + 1), connection);
            } else {
                proxy(client, head, in);
            }
        } catch (IOException | RuntimeException e) {
            release(client);
        }
    }

    private void proxy(Socket client, byte[] head, InputStream clientIn) throws IOException {
        Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
        if (closed) {
            closeQuietly(backend);
            closeQuietly(client);
            return;
        }
        OutputStream backendOut = backend.getOutputStream();
        backendOut.write(closingAfterResponse(head));
        backendOut.flush();
        Thread.ofVirtual().start(() -> pipe(clientIn, backendOut, client, backend));
        pipe(backend.getInputStream(), client.getOutputStream(), client, backend);
    }

    private void pipe(InputStream from, OutputStream to, Socket a, Socket b) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException ignored) {
            // One side went away; close both below.
        } finally {
            release(a);
            release(b);
        }
    }

    /**
     * The head with {@code Connection: close}: only a connection's first request is routed, so no
     * connection may carry a second one (the JDK client would send a WebSocket upgrade over a pooled
     * connection otherwise).
     */
    private static byte[] closingAfterResponse(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\r\n");
        out.append(lines[0]).append("\r\nConnection: close\r\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty() && !lines[i].regionMatches(true, 0, "connection:", 0, 11)) {
                out.append(lines[i]).append("\r\n");
            }
        }
        return out.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Reads up to and including the blank line; null on EOF before a full head. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0 || head.size() > 65_536) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toByteArray();
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new TreeMap<>();
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private void release(Socket socket) {
        webSocketSockets.remove(socket);
        closeQuietly(socket);
    }

    /** Closes with a reset: the JDK WebSocket client sometimes misses a plain FIN. */
    private static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // Closed already; closing again is harmless.
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }
}
