package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_DOWNLOAD;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.status;
import static dev.storycore.generation.errors.When.statusBetween;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Disposition.RETRY_AS_IS;
import static dev.storycore.resilience.Severity.HIGH;
import static dev.storycore.resilience.Severity.MEDIUM;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for fetching weights from a model hub (Hugging Face, also ModelScope and Civitai) or from a
 * plain URL a custom node downloads from: gated or private repositories, bad tokens and addresses
 * that refuse the download are not retried; rate limits, unreachable servers and cut-off downloads
 * are. Only reports that mention a hub or a weights download reach these rules, so a refused
 * connection to the generation backend is not mistaken for a download problem.
 */
final class DownloadRules {

    /** The report is about a model hub. */
    static final Predicate<ErrorReport> HUB = any(
            phrase("huggingface", "hf_hub", "hf.co", "cdn-lfs", "hf_transfer", "civitai", "modelscope",
                    "snapshot_download", "downloading shards", "hugging face", "hf token", "hf_token", "hf hub",
                    "model hub", "hf_xet", "xet-core", "cas service", "cas client", "cas-server", "hf-mirror"),
            // Xet, the hub's chunked storage, and the downloader errors that name it.
            pattern("^fetching \\d+ files|\\bxet\\b"),
            type("GatedRepoError", "RepositoryNotFoundError", "RevisionNotFoundError", "EntryNotFoundError",
                    "LocalEntryNotFoundError", "HfHubHTTPError", "OfflineModeIsEnabled"));

    /**
     * Weights fetched from a plain URL rather than a hub, as custom nodes do: the torch.hub, basicsr
     * and facexlib helpers, or a "downloading https://… to …/models/…" line naming a weights file or
     * a models folder.
     */
    private static final Predicate<ErrorReport> WEIGHTS_URL = any(
            phrase("load_file_from_url", "download_url_to_file", "load_state_dict_from_url", "urlretrieve",
                    "torch.hub.", "gdown."),
            all(pattern("\\bdownloading:?\\s+['\"]?(?:https?|ftp)://"),
                    pattern("\\.(?:safetensors|ckpt|pth|pt|bin|onnx|gguf|sft)\\b|[/\\\\]models?[/\\\\]"
                            + "|\\bcheckpoints?[/\\\\]")));

    /**
     * The text says a model is being downloaded: "Downloading recognition model, please wait", "model
     * download failed". Loading a model already on disk does not count.
     */
    private static final Predicate<ErrorReport> MODEL_DOWNLOAD = pattern(
            "\\b(?:downloading|fetching)\\s+(?:the\\s+)?(?:[\\w.-]+\\s+){0,3}?(?:models?|weights|checkpoints?)\\b"
                    + "|\\b(?:models?|weights|checkpoints?) download(?:ing)? (?:failed|error|interrupted)");

    /** Where weights come from: a hub, a plain URL, or a download the text speaks of. */
    private static final Predicate<ErrorReport> WEIGHTS_SOURCE = any(HUB, WEIGHTS_URL, MODEL_DOWNLOAD);

    private static final Predicate<ErrorReport> GATED = any(
            type("GatedRepoError"),
            phrase("cannot access gated repo", "access to a gated repo", "trying to access a gated repo",
                    "gated repository", "is a gated model", "model is gated", "repo is gated"),
            all(HUB, any(status(403), phrase("is restricted", "authorized list", "awaiting a review",
                    "accept the conditions", "agree to share"))),
            all(HUB, pattern("\\bgated\\b|\\brequest access\\b|\\brequires? access\\b"),
                    not(type("RepositoryNotFoundError", "RevisionNotFoundError", "EntryNotFoundError"))));

    private static final Predicate<ErrorReport> NOT_FOUND = any(
            type("RepositoryNotFoundError", "RevisionNotFoundError", "EntryNotFoundError"),
            phrase("repository not found", "not a valid model identifier", "revision not found",
                    "entry not found"),
            all(HUB, status(404)));

    private static final Predicate<ErrorReport> CONNECTIVITY = any(
            phrase("connection refused", "connection reset", "connection error", "connectionerror",
                    "couldn't connect", "could not connect", "failed to establish", "max retries exceeded",
                    "name resolution", "name or service not known", "getaddrinfo", "network is unreachable",
                    "cannot find the requested files", "check your connection", "internet connection",
                    "can't reach", "cannot reach", "could not reach", "unreachable", "not reachable",
                    "timer expired", "error sending request", "error decoding response body", "io error",
                    "dns error", "connection closed before message completed", "remote end closed connection",
                    "remotedisconnected", "server disconnected"),
            pattern("\\b(?:timed out|timeout|ssl|proxy)\\b"),
            // A downloader's own retries ran out: "Request failed after 5 retries".
            pattern("\\b(?:failed|giving up|gave up) after \\d+ (?:retries|retry attempts|attempts|tries)\\b"
                    + "|\\bretries exhausted\\b|\\bexhausted (?:all )?(?:\\d+ )?retries\\b"),
            type("LocalEntryNotFoundError", "ConnectionError", "ConnectTimeout", "ReadTimeout", "ProxyError"),
            statusBetween(500, 599));

    /** "data length 63574543 did not match expected value 67084736", "received 100 bytes, expected 200". */
    private static final Predicate<ErrorReport> LENGTH_MISMATCH = any(
            pattern("(?:length|size|bytes?)\\W{0,3}\\d+[^\\n]{0,40}(?:did not|does not|didn't|doesn't) match"
                    + "[^\\n]{0,30}(?:expected|declared|announced|content-length)"),
            pattern("\\b(?:received|got|read|wrote|downloaded)\\s+\\d+\\s+bytes?[^\\n]{0,30}\\bexpected\\s+\\d+"),
            phrase("content-length mismatch", "content length mismatch"));

    private static final Rule HUB_GATED =
            Rule.of("hub-gated", "HUB_GATED", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(GATED)
                    .says("Download of[ {model}] refused: the repository is gated and this account has not"
                            + " been granted access[ (HTTP {status})].")
                    .advises("Open the model page on the hub and accept its licence or conditions with the"
                                    + " account whose token is used.",
                            "Set HF_TOKEN (or run huggingface-cli login) for that account where the download"
                                    + " runs.",
                            "Or download the files elsewhere and place them in the model folder.");

    private static final Rule HUB_NOT_FOUND =
            Rule.of("hub-not-found", "HUB_REPO_NOT_FOUND", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(NOT_FOUND)
                    .says("The hub has no such model, revision or file[: {model}][ (HTTP {status})].")
                    .advises("Check the repository id, revision and file name for typos (ids are"
                                    + " owner/name, e.g. Wan-AI/Wan2.1-T2V-1.3B-Diffusers).",
                            "Private repositories answer 'not found' without a token: set HF_TOKEN if it"
                                    + " is private.",
                            "If a local folder was meant, check that the path exists.");

    private static final Rule HUB_UNAUTHORIZED =
            Rule.of("hub-unauthorized", "HUB_UNAUTHORIZED", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(all(HUB, any(status(401), phrase("invalid user token", "invalid credentials",
                            "invalid token", "unauthorized", "invalid username or password"))))
                    .says("The hub rejected the credentials[ for {model}][ (HTTP {status})].")
                    .advises("Create a new access token with read permission and set HF_TOKEN, or run"
                                    + " huggingface-cli login again.",
                            "Remove a stale token from the environment if the model is public.");

    private static final Rule DOWNLOAD_REFUSED =
            Rule.of("download-refused", "DOWNLOAD_REFUSED", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(all(WEIGHTS_URL, not(HUB), status(401, 403, 404, 410)))
                    .reads(Facts.capture("\\b((?:https?|ftp)://[^\\s'\"]+)", "url"))
                    .says("The server holding the weights refused the download[ (HTTP {status})][: {url}]: the file"
                            + " moved, was removed, or needs access this machine does not have.")
                    .advises("Download the file by hand from the model's current page and put it in the models"
                                    + " folder the node reads from.",
                            "Update the custom node: newer releases point at the file's new address.",
                            "Retrying the same address fails the same way.");

    private static final Rule HUB_RATE_LIMITED =
            Rule.of("hub-rate-limited", "HUB_RATE_LIMITED", WEIGHTS_DOWNLOAD, RETRY_AS_IS, MEDIUM)
                    .when(all(WEIGHTS_SOURCE, any(status(429), phrase("too many requests", "rate limit", "rate-limit",
                            "ratelimit"))))
                    .says("The hub or download server is rate-limiting downloads[ of {model}].")
                    .advises("Retry after a pause with exponential backoff; do not hammer the hub.",
                            "Authenticated requests get higher limits: set HF_TOKEN.",
                            "Cache the weights locally (HF_HOME on a persistent disk) so workers do not"
                                    + " download them again.");

    private static final Rule HUB_OFFLINE =
            Rule.of("hub-offline", "HUB_OFFLINE_CACHE_MISS", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(any(type("OfflineModeIsEnabled"), phrase("outgoing traffic has been disabled",
                            "hf_hub_offline", "offline mode is enabled", "local_files_only=true")))
                    .says("Offline mode is on and the model[ {model}] is not in the local cache.")
                    .advises("Download the model once with network access (or copy the cache), then run"
                                    + " offline.",
                            "Or unset HF_HUB_OFFLINE / local_files_only to allow the download.");

    private static final Rule DISK_FULL =
            Rule.of("disk-full", "DISK_FULL", WEIGHTS_DOWNLOAD, DO_NOT_RETRY, HIGH)
                    .when(any(phrase("no space left on device", "disk quota exceeded", "not enough disk space",
                            "not enough free disk space", "disk is full"), pattern("errno 28\\b")))
                    .says("The disk is full[ while writing {file}][ for {model}].")
                    .advises("Free disk space: video checkpoints are 10-30 GB each, and a download needs"
                                    + " room for the partial file too.",
                            "Point HF_HOME or the ComfyUI models folder at a larger disk.");

    private static final Rule DOWNLOAD_INCOMPLETE =
            Rule.of("download-incomplete", "DOWNLOAD_INCOMPLETE", WEIGHTS_DOWNLOAD, RETRY_AS_IS, MEDIUM)
                    .when(any(phrase("consistency check failed", "contenttooshorterror", "retrieval incomplete",
                                    "download incomplete", "incomplete download"),
                            pattern("\\bdownload[^\\n]{0,80}\\b(?:was )?(?:interrupted|incomplete|cut off|aborted"
                                    + "|stopped early|failed partway)"),
                            // The bytes that arrived are not the bytes announced: a length or checksum
                            // disagreement while downloading.
                            all(any(HUB, phrase("download")), any(LENGTH_MISMATCH,
                                    phrase("checksum mismatch", "hash mismatch", "sha256 mismatch",
                                            "checksum does not match", "hash does not match"))),
                            // The response body stopped short while weights were being fetched.
                            all(any(WEIGHTS_SOURCE, IntegrityRules.WEIGHTS, phrase("download")),
                                    NetworkRules.TRANSFER_CUT),
                            all(any(HUB, IntegrityRules.WEIGHTS), any(
                                    phrase("connection broken", "incompleteread", "chunkedencodingerror",
                                            ".incomplete", "download interrupted"),
                                    type("ChunkedEncodingError", "IncompleteRead", "ContentTooShortError")))))
                    .says("A weights download was cut off or did not arrive whole[ ({model})].")
                    .advises("Retry the download; hub clients resume partial files.",
                            "If it keeps failing at the same point, check disk space and any proxy, or set"
                                    + " HF_HUB_ENABLE_HF_TRANSFER=0 to use the plain downloader.");

    private static final Rule HUB_UNREACHABLE =
            Rule.of("hub-unreachable", "HUB_UNREACHABLE", WEIGHTS_DOWNLOAD, RETRY_AS_IS, MEDIUM)
                    .when(all(WEIGHTS_SOURCE, CONNECTIVITY))
                    .says("The model hub or download server could not be reached[ to fetch {model}]"
                            + "[ (HTTP {status})].")
                    .advises("Retry with backoff; hub outages and network blips are usually short.",
                            "Check DNS, proxy (HTTPS_PROXY) and firewall rules from the machine that"
                                    + " downloads.",
                            "Pre-download the weights so generation does not depend on the hub.");

    private DownloadRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                HUB_GATED,
                HUB_NOT_FOUND,
                HUB_UNAUTHORIZED,
                HUB_RATE_LIMITED,
                DOWNLOAD_REFUSED,
                HUB_OFFLINE,
                DISK_FULL,
                DOWNLOAD_INCOMPLETE,
                HUB_UNREACHABLE);
    }
}
