package dev.storycore.generation.backend.sim;

import java.util.Locale;

/**
 * What a client prints when the server goes away: refused connections (urllib3, aiohttp, plain
 * Python, Java), dropped WebSockets and reset connections, a worker that died mid-job (the socket
 * closes, or the next poll is refused), a silent job that ran into the client's timeout, and the
 * {@code execution_interrupted} message of a cancelled job. The wording is drawn per attempt.
 */
final class ConnectionReports {

    private ConnectionReports() {
    }

    static String refused(ReportContext c) {
        return switch (c.pickForAttempt(4)) {
            case 0 -> urllib3Refused(c, "/prompt");
            case 1 -> "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host " + ReportContext.HOST
                    + ":" + ReportContext.PORT + " ssl:default [Connect call failed ('" + ReportContext.HOST + "', "
                    + ReportContext.PORT + ")]";
            case 2 -> "Traceback (most recent call last):\n  File \"/app/comfy_client.py\", line 31, in queue_prompt\n"
                    + "ConnectionRefusedError: [Errno 111] Connection refused";
            default -> "java.net.ConnectException: Connection refused (POST http://" + ReportContext.HOST + ":"
                    + ReportContext.PORT + "/prompt)";
        };
    }

    static String dropped(ReportContext c) {
        return switch (c.pickForAttempt(4)) {
            case 0 -> "Wait ComfyUI prompt execution got unexpected error: ConnectionClosedError(no close frame"
                    + " received or sent)";
            case 1 -> "websockets.exceptions.ConnectionClosedError: no close frame received or sent";
            case 2 -> "websocket._exceptions.WebSocketConnectionClosedException: Connection to remote host was lost.";
            default -> "ConnectionResetError: [Errno 104] Connection reset by peer";
        };
    }

    static String crashed(ReportContext c) {
        return switch (c.pickForAttempt(3)) {
            case 0 -> "requests.exceptions.ConnectionError: ('Connection aborted.', RemoteDisconnected('Remote end"
                    + " closed connection without response'))";
            case 1 -> "aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected";
            default -> urllib3Refused(c, "/history/" + c.promptId());
        };
    }

    static String stalled(ReportContext c, long timeoutSeconds) {
        return switch (c.pickForAttempt(3)) {
            case 0 -> "HTTPConnectionPool(host='" + ReportContext.HOST + "', port=" + ReportContext.PORT
                    + "): Read timed out. (read timeout=" + timeoutSeconds + ")";
            case 1 -> "Traceback (most recent call last):\n  File \"/app/comfy_client.py\", line 88, in"
                    + " wait_for_prompt\nasyncio.exceptions.TimeoutError";
            default -> "websocket._exceptions.WebSocketTimeoutException: Connection timed out";
        };
    }

    static String interrupted(ReportContext c, String nodeType) {
        if (c.pickForAttempt(3) == 0) {
            return "Processing interrupted\ncomfy.model_management.InterruptProcessingException";
        }
        return ComfyJson.interrupted(c, nodeType);
    }

    private static String urllib3Refused(ReportContext c, String url) {
        String address = String.format(Locale.ROOT, "0x7f%010x", (c.attemptVariant() & 0xffffffL) << 4);
        return "HTTPConnectionPool(host='" + ReportContext.HOST + "', port=" + ReportContext.PORT
                + "): Max retries exceeded with url: " + url + " (Caused by NewConnectionError('<urllib3.connection"
                + ".HTTPConnection object at " + address + ">: Failed to establish a new connection: [Errno 111]"
                + " Connection refused'))";
    }
}
