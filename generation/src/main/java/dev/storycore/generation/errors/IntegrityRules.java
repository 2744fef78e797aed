package dev.storycore.generation.errors;

import static dev.storycore.generation.errors.GenerationErrorCategory.WEIGHTS_INTEGRITY;
import static dev.storycore.generation.errors.When.all;
import static dev.storycore.generation.errors.When.any;
import static dev.storycore.generation.errors.When.not;
import static dev.storycore.generation.errors.When.pattern;
import static dev.storycore.generation.errors.When.phrase;
import static dev.storycore.generation.errors.When.type;
import static dev.storycore.resilience.Disposition.DO_NOT_RETRY;
import static dev.storycore.resilience.Severity.CRITICAL;
import static dev.storycore.resilience.Severity.HIGH;

import java.util.List;
import java.util.function.Predicate;

/**
 * Rules for weights files that are damaged: cut short (safetensors "MetadataIncompleteBuffer",
 * "incomplete metadata", a zip checkpoint without its central directory, pickle running out of input)
 * or not weights at all (a header too large to be real, an HTML page or a Git LFS pointer saved under
 * the weights' name). Retrying the load cannot help; the file must be fetched again. A transfer cut
 * off on the wire is not a damaged file: it is left to the download rules.
 */
final class IntegrityRules {

    /** The report is about loading weights, so "truncated" or "corrupt" refers to a weights file. */
    static final Predicate<ErrorReport> WEIGHTS = any(
            type("SafetensorError", "UnpicklingError"),
            phrase("safetensors", ".ckpt", ".pth", ".gguf", "state_dict", "checkpoint", "deserializ",
                    "pytorchstreamreader", "torch.load", "load_file", "weights", "load_torch_file"),
            pattern("\\.(?:pt|bin)\\b"));

    private static final Predicate<ErrorReport> TRUNCATED = any(
            phrase("metadataincompletebuffer", "incomplete metadata", "file not fully covered",
                    "failed finding central directory", "failed reading zip archive", "ran out of input",
                    "unexpectedeof", "not within the file bounds"),
            pattern("unexpected eof, expected \\d+ more bytes"),
            all(WEIGHTS, phrase("truncated", "unexpected eof", "unexpected end of file", "file is too small",
                    "incomplete file")),
            all(WEIGHTS, type("EOFError")));

    private static final Predicate<ErrorReport> CORRUPT = any(
            phrase("headertoolarge", "headertoosmall", "invalidheader", "error while deserializing header",
                    "invalid load key", "could not find mark", "version https://git-lfs",
                    "not a valid safetensors", "gguf magic", "invalid magic",
                    "unable to load weights from pytorch checkpoint"),
            type("SafetensorError", "UnpicklingError"),
            all(WEIGHTS, phrase("invalid header", "corrupt", "bad magic", "not a zip file", "badzipfile",
                    "checksum mismatch", "hash mismatch", "sha256 mismatch")),
            all(WEIGHTS, pattern("header[^\\n]{0,40}(?:invalid|corrupt|too large|malformed)")));

    private static final Rule WEIGHTS_TRUNCATED =
            Rule.of("weights-truncated", "WEIGHTS_TRUNCATED", WEIGHTS_INTEGRITY, DO_NOT_RETRY, CRITICAL)
                    // A body cut off on the wire ends in the same "UnexpectedEof" as a short file: that is
                    // an interrupted download, which the download rules retry.
                    .when(all(TRUNCATED, not(NetworkRules.TRANSFER_CUT)))
                    .says("The weights file[ {file}][ for {model}][ ({node})] is truncated: it ends before its"
                            + " header or data does, usually after an interrupted download or copy.")
                    .advises("Delete the file and download it again; compare its size with the size the hub"
                                    + " lists.",
                            "Look for leftover .incomplete files and check free disk space before the new"
                                    + " download.");

    private static final Rule WEIGHTS_CORRUPT =
            Rule.of("weights-corrupt", "WEIGHTS_CORRUPT", WEIGHTS_INTEGRITY, DO_NOT_RETRY, CRITICAL)
                    .when(all(CORRUPT, not(TRUNCATED), not(NetworkRules.TRANSFER_CUT)))
                    .says("The weights file[ {file}][ for {model}][ ({node})] is corrupt or not a weights file"
                            + " at all[: {excerpt}].")
                    .advises("Check the file size: a few hundred bytes or kilobytes means an HTML error page"
                                    + " or a Git LFS pointer was saved instead of the weights.",
                            "Download it again from the original source (git lfs pull, huggingface-cli"
                                    + " download) and compare the checksum the hub lists.");

    private static final Rule TOKENIZER_INVALID =
            Rule.of("tokenizer-invalid", "TOKENIZER_INVALID", WEIGHTS_INTEGRITY, DO_NOT_RETRY, HIGH)
                    // sentencepiece refuses a tokenizer model it cannot parse ("model_proto->ParseFromArray"):
                    // the text encoder file or its tokenizer is damaged or not what the loader expects.
                    .when(any(phrase("model_proto->parsefromarray", "sentencepiece_processor.cc"),
                            pattern("\\b(?:sentencepiece|spiece|tokenizer)\\b[^\\n]{0,160}\\b(?:parsefromarray"
                                    + "|(?:failed|unable|could not|couldn't|cannot) (?:to )?(?:parse|deserialize)"
                                    + "|parse error|error parsing)")))
                    .says("The tokenizer of the text encoder cannot be read[ ({node})][ for {model}]: its file is"
                            + " damaged or not the kind this loader expects.")
                    .advises("Check the text encoder file is the one the loader's type asks for (a T5 or UMT5"
                                    + " file for those types, not a CLIP or diffusion model file).",
                            "Download the text encoder (and its tokenizer files) again and compare the size the"
                                    + " hub lists.");

    private IntegrityRules() {
    }

    /** This concern's rules, in the order they are tried. */
    static List<Rule> rules() {
        return List.of(
                WEIGHTS_TRUNCATED,
                WEIGHTS_CORRUPT,
                TOKENIZER_INVALID);
    }
}
