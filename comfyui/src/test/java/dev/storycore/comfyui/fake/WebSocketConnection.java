package dev.storycore.comfyui.fake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The server side of one RFC 6455 WebSocket: the opening handshake, unmasked frames from server to
 * client, masked frames read from the client (text, close, ping). Enough for ComfyUI's {@code /ws}.
 *
 * <p>Thread-safe: writes are serialised by a lock; {@link #readLoop} runs on one thread.
 */
final class WebSocketConnection {

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int TEXT = 0x1;
    private static final int BINARY = 0x2;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int PONG = 0xA;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile boolean open = true;

    private final String acceptKey;
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private boolean handshakeSent;

    private WebSocketConnection(Socket socket, InputStream in, String key) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.acceptKey = acceptValue(key);
    }

    /**
     * A connection for an upgrade request; frames sent before {@link #open()} wait, so the server
     * can register the connection first and miss nothing sent meanwhile.
     */
    static WebSocketConnection upgrade(Socket socket, InputStream in, String key) throws IOException {
        return new WebSocketConnection(socket, in, key);
    }

    /** Answers the upgrade with 101, then sends the frames that waited. */
    void open() throws IOException {
        writeLock.lock();
        try {
            String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + acceptKey + "\r\n\r\n";
            out.write(response.getBytes(StandardCharsets.US_ASCII));
            early.writeTo(out);
            out.flush();
            handshakeSent = true;
        } finally {
            writeLock.unlock();
        }
    }

    static String acceptValue(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key.strip() + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JDK", e);
        }
    }

    boolean isOpen() {
        return open;
    }

    /** Sends a text frame; false when the connection is gone. */
    boolean sendText(String text) {
        return send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a binary frame (ComfyUI previews); false when the connection is gone. */
    boolean sendBinary(byte[] payload) {
        return send(BINARY, payload);
    }

    /** Closes the TCP connection without a close frame, as a crashing server or a broken network does. */
    void drop() {
        open = false;
        try {
            // A reset, not a FIN: the JDK client sometimes misses a FIN that follows a frame at once.
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** Reads client frames until close or EOF; text payloads go to {@code onText}. */
    void readLoop(Consumer<String> onText) {
        try {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (open) {
                int first = readByte();
                int second = readByte();
                int opcode = first & 0x0F;
                byte[] payload = readPayload(second);
                switch (opcode) {
                    case CLOSE -> {
                        send(CLOSE, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                        drop();
                    }
                    case PING -> send(PONG, payload);
                    case PONG -> { }
                    default -> {
                        message.write(payload);
                        if ((first & 0x80) != 0 && opcode != BINARY) {
                            onText.accept(message.toString(StandardCharsets.UTF_8));
                            message.reset();
                        }
                    }
                }
            }
        } catch (IOException e) {
            drop();
        }
    }

    private byte[] readPayload(int second) throws IOException {
        long length = second & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : new byte[4];
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("frame cut short");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return payload;
    }

    private int readByte() throws IOException {
        int value = in.read();
        if (value < 0) {
            throw new EOFException("client closed the connection");
        }
        return value;
    }

    private boolean send(int opcode, byte[] payload) {
        writeLock.lock();
        try {
            if (!open && opcode != CLOSE) {
                return false;
            }
            OutputStream out = handshakeSent ? this.out : early;
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length <= 0xFFFF) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            out.flush();
            return true;
        } catch (IOException e) {
            open = false;
            return false;
        } finally {
            writeLock.unlock();
        }
    }
}
