package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.BACKEND_UNAVAILABLE;
import static dev.storycore.generation.errors.GenerationErrorCategory.PARAMETER_VALIDATION;
import static dev.storycore.generation.errors.GenerationErrorCategory.TIMEOUT;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.javaType;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.status;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Disposition.RETRY_AS_IS;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.LOW;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for talking to the generation backend (ComfyUI over HTTP and WebSocket, or any worker API):
 * refused, unreachable, closed mid-way, not ready yet, 5xx, busy, a request rejected as invalid (4xx),
 * timed out, and distributed collectives timing out.
 * Python wordings (requests, urllib3, aiohttp, websockets) and Java exceptions (java.net, java.nio,
 * java.net.http) both count. Transient ones are retried as they are; TLS and credential failures are
 * not.
 */
final class NetworkRules {

    private static final String RESTARTING =
            "If it persists, check that the backend process is running and listening (ComfyUI defaults to"
                    + " port 8188) and look at its log for a crash.";

    /** A client-side wait ran out: HTTP 504/408, "timed out" wordings, timeout exception types. */
    private static final Predicate<ErrorReport> TIMED_OUT = any(
            status(504, 408),
            pattern("\\btimed out\\b|\\btiming out\\b|\\b(?:read|connect|connection|request|socket|operation"
                    + "|response|gateway|websocket|idle|job|prompt)[ _-]?time-?out\\b"
                    + "|\\btime-?out (?:error|exceeded|expired|reached|occurred)"),
            // A bare "timeout", but not a timeout=30 argument or a timeout(...) call in a traceback's
            // source line; "after timeout (30s)" is a statement.
            pattern("\\btime-?out\\b(?!\\s*=|\\()"),
            // Exception types named for the wait that ran out: WebSocketTimeoutException, ReadTimeoutError.
            pattern("\\b\\w*time-?out(?:exception|error)\\b"),
            phrase("deadline exceeded", "took too long", "gateway time", "giving up after", "not finished after",
                    "timer expired", "net::err_timed_out", "net::err_connection_timed_out",
                    "did not finish within", "not responding", "did not respond", "stopped responding"),
            pattern("\\bno (?:response|reply|answer|progress|update)\\b[^\\n]{0,40}\\b(?:after|within|in|for)\\s+\\d+"),
            type("TimeoutError", "ReadTimeout", "ConnectTimeout", "ReadTimeoutError", "ConnectTimeoutError",
                    "TimeoutException", "TimeoutExceededException"),
            javaType("java.net.SocketTimeoutException", "java.net.http.HttpTimeoutException",
                    "java.util.concurrent.TimeoutException", "dev.storycore.resilience.TimeoutExceededException"));

    /** Where distributed work reports a collective, its process group or the watchdog over them. */
    private static final String COLLECTIVES = "(?:nccl|gloo|collective|allreduce|all_reduce|allgather|all_gather"
            + "|barrier|processgroup|watchdog)";

    /** What a client calls the thing it runs jobs on. */
    private static final String BACKEND = "(?:server|backend|comfy\\s?ui|comfy|worker|service|endpoint|instance"
            + "|api server)";

    /**
     * The body of a response stopped before its end: the peer closed the connection mid-transfer.
     * Rust clients (hyper "IncompleteBody", a body ending in "UnexpectedEof"), requests ("Response
     * ended prematurely"), aiohttp ("payload is not completed") and curl ("transfer closed with n
     * bytes remaining") all say it their way. Shared with the integrity and download rules, so a cut
     * transfer is not taken for a truncated file on disk.
     */
    static final Predicate<ErrorReport> TRANSFER_CUT = any(
            phrase("incompletebody", "incomplete body", "response ended prematurely", "payload is not completed",
                    "transfer closed with", "unexpected end of stream", "connection closed before message completed"),
            pattern("\\bbody\\b[^\\n]{0,60}\\bunexpected ?eof\\b"));

    /** "Connection closed" in the languages client libraries (Qt, Windows, .NET) localise it into. */
    private static final Predicate<ErrorReport> CLOSED_LOCALISED = phrase("verbindung beendet",
            "verbindung getrennt", "verbindung abgebrochen", "verbindung geschlossen", "verbindung verloren",
            "verbindung wurde geschlossen", "verbindung wurde getrennt", "connexion fermée", "connexion interrompue",
            "connexion perdue", "conexión cerrada", "conexión perdida", "conexión interrumpida", "conexão fechada",
            "conexão perdida", "conexão encerrada", "connessione chiusa", "connessione interrotta",
            "connessione persa", "verbinding verbroken", "verbinding gesloten", "połączenie zamknięte",
            "połączenie przerwane", "соединение закрыто", "соединение разорвано", "соединение потеряно",
            "连接已关闭", "连接已断开", "连接被重置", "連線已關閉", "接続が閉じられました", "接続が切断されました",
            "연결이 끊어졌습니다", "연결이 종료되었습니다",
            // Windows' WSAECONNRESET (10054), "an existing connection was forcibly closed by the remote host".
            "远程主机强迫关闭", "遠端主機已強制關閉", "リモート ホストに強制的に切断", "リモートホストに強制的に切断",
            "원격 호스트에 의해 강제로 끊", "vom remotehost geschlossen", "par l'hôte distant", "par l’hôte distant",
            "interrupción de una conexión existente", "cancelamento de uma conexão existente",
            "interrotta forzatamente", "принудительно разорвал", "forcibly closed by the remote host");

    /** "Connection refused" localised the same way. */
    private static final Predicate<ErrorReport> REFUSED_LOCALISED = phrase("verbindung verweigert",
            "verbindung abgelehnt", "connexion refusée", "conexión rechazada", "conexão recusada",
            "connessione rifiutata", "verbinding geweigerd", "połączenie odrzucone", "в соединении отказано",
            "连接被拒绝", "連線被拒絕", "接続が拒否されました", "연결이 거부되었습니다");

    private static final Rule COLLECTIVE_TIMEOUT =
            Rule.of("collective-timeout", "COLLECTIVE_TIMEOUT", TIMEOUT, RETRY_AS_IS, HIGH)
                    .when(any(phrase("collective operation timeout", "watchdog caught", "nccl timeout"),
                            pattern("(?:nccl|gloo|collective|allreduce|all_reduce|allgather|all_gather|barrier"
                                    + "|processgroup)[^\\n]{0,160}(?:timed out|timeout|timing out)"),
                            // A watchdog or collective that hangs is waiting on a rank that never arrives:
                            // "watchdog got stuck for 480 seconds without making progress".
                            pattern(COLLECTIVES + "[^\\n]{0,160}(?:\\bstuck\\b|\\bhang(?:s|ing)?\\b|\\bhung\\b"
                                    + "|without (?:making )?progress|\\bno progress\\b)")))
                    .reads(Facts.all(Facts.capture("optype=(\\w+)", "operation"),
                            Facts.capture("ran for (\\d+) milliseconds", "elapsedMs"),
                            Facts.capture("stuck for (\\d+) seconds", "elapsedS")))
                    .says("A distributed collective operation timed out or hung[ ({operation})][ after {elapsedMs} ms]"
                            + "[ after {elapsedS} s]: one rank stalled or died, or the interconnect is too slow.")
                    .advises("Restart the whole multi-GPU job: one rank is usually stuck, often after an OOM"
                                    + " or crash on that rank, so read every rank's log.",
                            "Raise the process-group timeout only if a step is legitimately that slow.",
                            "If it repeats, check the GPU interconnect and NCCL settings (NCCL_DEBUG=INFO).");

    private static final Rule BACKEND_UNREACHABLE =
            Rule.of("backend-unreachable", "BACKEND_UNREACHABLE", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(phrase("name or service not known", "nodename nor servname", "getaddrinfo failed",
                                    "temporary failure in name resolution", "could not resolve host",
                                    "no route to host", "network is unreachable", "host is unreachable",
                                    "host is down", "errno 113", "errno -2]", "errno -3]", "errno 11001",
                                    "is not reachable", "is unreachable", "could not reach", "cannot reach",
                                    "can't reach", "failed to reach", "server is down", "backend is down"),
                            // A browser client's own codes: net::ERR_NAME_NOT_RESOLVED and friends.
                            pattern("\\bnet::err_(?:name_not_resolved|name_resolution_failed|address_unreachable"
                                    + "|internet_disconnected)\\b"),
                            javaType("java.net.UnknownHostException", "java.net.NoRouteToHostException",
                                    "java.net.PortUnreachableException")))
                    .says("The backend host[ {endpoint}] cannot be reached: its name does not resolve or no"
                            + " route leads to it.")
                    .advises("Retry with backoff; DNS and routing blips are short.",
                            "Check the backend URL, DNS and VPN or firewall settings if it persists.");

    private static final Rule BACKEND_REFUSED =
            Rule.of("backend-refused", "BACKEND_CONNECTION_REFUSED", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(phrase("connection refused", "econnrefused", "actively refused", "errno 111",
                                    "errno 10061", "failed to establish a new connection", "cannot connect to host",
                                    "connect call failed"),
                            // Browsers and Node spell it with an underscore: net::ERR_CONNECTION_REFUSED.
                            pattern("(?:\\b|_)connection_refused\\b"),
                            REFUSED_LOCALISED,
                            type("ConnectionRefusedError", "NewConnectionError"),
                            javaType("java.net.ConnectException")))
                    .says("The backend[ at {endpoint}] refused the connection: nothing is listening there"
                            + " (server down, restarting, or a wrong port).")
                    .advises("Retry with backoff: a restarting ComfyUI refuses connections for a few"
                                    + " seconds to minutes while it loads.",
                            RESTARTING);

    private static final Rule TLS =
            Rule.of("tls", "TLS_FAILURE", BACKEND_UNAVAILABLE, DO_NOT_RETRY, HIGH)
                    .when(any(phrase("certificate verify failed", "certificate_verify_failed",
                                    "wrong_version_number", "wrong version number", "sslv3_alert_handshake_failure",
                                    "pkix path building failed", "unable to find valid certification path"),
                            type("SSLCertVerificationError"),
                            javaType("javax.net.ssl.SSLHandshakeException")))
                    .says("The TLS handshake with the backend[ at {endpoint}] failed: certificate or protocol"
                            + " mismatch.")
                    .advises("Use http:// for a plain ComfyUI server and https:// only behind a TLS proxy.",
                            "Install the proxy's CA certificate in the client trust store instead of turning"
                                    + " verification off.");

    private static final Rule BACKEND_CLOSED =
            Rule.of("backend-closed", "BACKEND_CONNECTION_CLOSED", BACKEND_UNAVAILABLE, RETRY_AS_IS, LOW)
                    .when(any(phrase("connection reset", "econnreset", "errno 104", "errno 10054", "errno 32]",
                                    "broken pipe", "connection aborted", "remote end closed connection",
                                    "server disconnected", "no close frame", "connection closed",
                                    "connectionclosed", "connection was closed", "socket closed",
                                    "socket is closed",
                                    "websocket closed", "websocket is closed", "closed unexpectedly",
                                    "header parser received no bytes", "eof occurred in violation of protocol",
                                    "abnormal closure", "connection lost", "keepalive ping timeout",
                                    "connection broken", "incompleteread", "connection dropped",
                                    "connection was dropped", "disconnected", "lost connection",
                                    // aiohttp's ClientConnectionResetError and any other ...ConnectionReset... type.
                                    "connectionreset"),
                            // Writing to a socket the peer already closed (asyncio and aiohttp transports).
                            pattern("\\b(?:closing|closed) transport\\b|\\btransport (?:is |was |has been )?(?:closing"
                                    + "|closed)\\b"),
                            pattern("\\bconnection\\b[^\\n]{0,40}\\b(?:dropped|closed|lost|reset|aborted"
                                    + "|terminated|interrupted)\\b"),
                            pattern("\\b(?:closed|dropped|reset|terminated|lost)\\s+(?:the\\s+)?(?:web ?socket\\s+)?"
                                    + "connection\\b"),
                            pattern("\\b(?:winerror|wsaeconnreset|error code)\\W{0,2}10054\\b"),
                            pattern("\\bnet::err_(?:connection_(?:reset|closed|aborted)|empty_response|network_changed"
                                    + "|incomplete_chunked_encoding|http2_protocol_error)\\b"),
                            TRANSFER_CUT,
                            CLOSED_LOCALISED,
                            type("ConnectionResetError", "ConnectionClosed", "ConnectionClosedError",
                                    "ConnectionClosedOK", "RemoteDisconnected", "BrokenPipeError",
                                    "ConnectionAbortedError", "ServerDisconnectedError", "ChunkedEncodingError",
                                    "WebSocketConnectionClosedException", "IncompleteReadError"),
                            javaType("java.nio.channels.ClosedChannelException", "java.io.EOFException",
                                    "java.net.SocketException")))
                    .says("The connection to the backend[ at {endpoint}] closed in the middle of the"
                            + " exchange[: {excerpt}].")
                    .advises("Retry: the next connection usually works. Reconnect WebSockets and poll"
                                    + " /history for the job's state instead of assuming it failed.",
                            RESTARTING);

    private static final Rule BACKEND_AUTH =
            Rule.of("backend-auth", "BACKEND_AUTH_FAILED", BACKEND_UNAVAILABLE, DO_NOT_RETRY, HIGH)
                    .when(any(status(401, 403), phrase("invalid api key", "api key is invalid",
                            "missing api key")))
                    .says("The backend rejected the request's credentials[ (HTTP {status})][ at {endpoint}].")
                    .advises("Check the API key or token configured for the backend and its permissions.");

    private static final Rule BACKEND_BUSY =
            Rule.of("backend-busy", "BACKEND_BUSY", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(status(429), phrase("too many requests", "queue is full", "queue full",
                            "server is busy", "server busy", "rate limit exceeded")))
                    .says("The backend is busy and turned the request away[ (HTTP {status})].")
                    .advises("Retry after a pause with backoff, or send jobs to another worker.",
                            "Limit how many jobs are queued at once (a bulkhead in front of the backend).");

    private static final Rule BACKEND_NOT_READY =
            Rule.of("backend-not-ready", "BACKEND_NOT_READY", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(pattern("\\b" + BACKEND + "\\b[^\\n]{0,60}\\b(?:not (?:yet )?(?:ready|up|running|online"
                                    + "|alive|healthy|started)|(?:failed|unable) to (?:start|come up|launch)|did not"
                                    + " (?:start|come up|become (?:ready|healthy))"
                                    + "|never (?:started|came up|became ready)"
                                    + "|still (?:be )?(?:starting|loading|booting|initiali[sz]ing|warming up)"
                                    + "|(?:exited|crashed|died|stopped) (?:unexpectedly|during start-?up|on start-?up)"
                                    + "|unexpectedly (?:exited|stopped|died)"
                                    // "ComfyUI process has exited": the backend is gone, whatever stopped it.
                                    + "|(?:process )?(?:has|had|have) (?:exited|crashed|died|terminated)\\b"
                                    + "|(?:will|would|did) (?:not|never) (?:become|be|get) (?:reachable|ready|available"
                                    + "|healthy|up))"),
                            // A front-end with nothing to send jobs to yet: "No backends available!".
                            pattern("\\bno (?:\\w+ )?(?:backends?|workers?|comfy\\s?ui (?:servers?|instances?))"
                                    + " (?:are |is )?(?:available|ready|online|running|connected)\\b"),
                            // "Error while initializing backend ... will retry": it is coming up, not broken.
                            pattern("\\b(?:initiali[sz]ing|starting|launching) (?:the )?" + BACKEND
                                    + "\\b[^\\n]{0,80}\\b(?:will retry|retrying|will try again)\\b"),
                            pattern("(?:health ?check|readiness (?:probe|check)|liveness probe)[^\\n]{0,40}"
                                    + "(?:failed|failing|timed out|unsuccessful)"),
                            pattern("waiting for (?:the )?" + BACKEND + "[^\\n]{0,60}(?:gave up|giving up|timed out"
                                    + "|time-?out)")))
                    .says("The backend[ at {endpoint}] is not ready: it is still starting or loading, or its"
                            + " process stopped[: {excerpt}].")
                    .advises("Wait and retry: ComfyUI takes from seconds to minutes to start, longer while custom"
                                    + " nodes install or large models load.",
                            "Allow a longer start-up wait before the first job if this happens on every cold"
                                    + " start.",
                            "If it never becomes ready, its log shows why it stopped (a failed custom-node"
                                    + " import, no GPU, a port already in use).");

    private static final Rule BACKEND_NOT_REACHABLE =
            Rule.of("backend-not-reachable", "BACKEND_UNREACHABLE", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(pattern("\\b(?:not|un)[ -]?reachable\\b"),
                            pattern("(?:could not|couldn't|cannot|can't|failed to|unable to)"
                                    + " (?:reach|connect(?:ion)? to|contact|open a connection to)\\b"),
                            // A browser client: the WebSocket could not be opened, or fetch() got no response
                            // at all ("TypeError: Failed to fetch", Firefox's NetworkError wording).
                            pattern("\\b(?:web ?socket|ws) connection to \\S+ failed\\b"
                                    + "|\\berror in connection establishment\\b|\\bnet::err_connection_failed\\b"),
                            pattern("(?:^|typeerror:?)\\s*failed to fetch\\W*$"),
                            phrase("networkerror when attempting to fetch resource")))
                    .says("The backend[ at {endpoint}] could not be reached[: {excerpt}].")
                    .advises("Retry with backoff: a backend that is restarting or busy loading cannot be reached"
                                    + " for a while.",
                            RESTARTING,
                            "Check the URL, port, DNS and firewall if it never becomes reachable.");

    private static final Rule BACKEND_BAD_REQUEST =
            Rule.of("backend-bad-request", "INVALID_REQUEST", PARAMETER_VALIDATION, DO_NOT_RETRY, MEDIUM)
                    .when(status(400, 405, 413, 415, 422))
                    .says("The backend rejected the request as invalid[ (HTTP {status})][ at {endpoint}][: {excerpt}].")
                    .advises("Read the response body: it says which field or value was rejected (ComfyUI's"
                                    + " /prompt lists node_errors).",
                            "The same request fails again: fix it before resubmitting.");

    private static final Rule REQUEST_TIMEOUT =
            Rule.of("request-timeout", "REQUEST_TIMEOUT", TIMEOUT, RETRY_AS_IS, MEDIUM)
                    .when(all(TIMED_OUT, not(phrase("cuda error", "cudaerror"))))
                    .says("The request to the backend timed out[ at {endpoint}][ (HTTP {status})][: {excerpt}].")
                    .advises("Retry; if the job itself is long, poll its state instead of waiting on one"
                                    + " request, or raise the timeout.",
                            "A job may still be running on the server after a client timeout: check the"
                                    + " queue before submitting it again.");

    private static final Rule BACKEND_5XX =
            Rule.of("backend-5xx", "BACKEND_HTTP_5XX", BACKEND_UNAVAILABLE, RETRY_AS_IS, MEDIUM)
                    .when(any(all(When.statusBetween(500, 599), not(status(504))),
                            phrase("bad gateway", "service unavailable", "service temporarily unavailable",
                                    "internal server error",
                                    "upstream connect error", "no healthy upstream", "server is overloaded")))
                    .says("The backend answered with a server error[ (HTTP {status})][ at {endpoint}].")
                    .advises("Retry with backoff: 502 and 503 come from proxies while the server restarts or"
                                    + " is overloaded.",
                            "A 500 that repeats for the same job is a server-side bug: read the server log.");

    private static final Rule BACKEND_IO =
            Rule.of("backend-io", "BACKEND_IO_ERROR", BACKEND_UNAVAILABLE, RETRY_AS_IS, LOW)
                    .when(any(all(javaType("java.io.IOException", "java.io.UncheckedIOException"),
                                    not(javaType("java.io.FileNotFoundException",
                                            "java.nio.file.FileSystemException",
                                            "java.nio.charset.CharacterCodingException"))),
                            type("ConnectionError", "ProtocolError", "ClientConnectionError",
                                    "ClientOSError", "InvalidStatusCode", "InvalidStatus",
                                    // A client library's own wrapper for any failure on the wire.
                                    "NetworkError")))
                    .says("Talking to the backend failed at the I/O level[ ({exception})][: {excerpt}].")
                    .advises("Retry: most I/O failures between client and server are transient.",
                            RESTARTING);

    private NetworkRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                COLLECTIVE_TIMEOUT,
                BACKEND_UNREACHABLE,
                BACKEND_REFUSED,
                TLS,
                BACKEND_CLOSED,
                BACKEND_AUTH,
                BACKEND_BUSY,
                BACKEND_BAD_REQUEST,
                BACKEND_NOT_READY,
                REQUEST_TIMEOUT,
                BACKEND_NOT_REACHABLE,
                BACKEND_5XX,
                BACKEND_IO);
    }
}
