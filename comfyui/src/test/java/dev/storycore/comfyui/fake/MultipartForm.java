package dev.storycore.comfyui.fake;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a {@code multipart/form-data} body well enough to check what the client sent. */
final class MultipartForm {

    /** One part: its file name (empty for plain fields) and its bytes. */
    record Part(String filename, byte[] content) {
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

    private MultipartForm() {
    }

    static Map<String, Part> parse(String contentType, byte[] body) {
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).strip();
        byte[] delimiter = boundary.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headStart = start + delimiter.length + 2;
            int next = indexOf(body, delimiter, headStart);
            if (next < 0 || headStart >= body.length) {
                break;
            }
            int headEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headStart);
            String head = new String(body, headStart, headEnd - headStart, StandardCharsets.UTF_8);
            byte[] content = Arrays.copyOfRange(body, headEnd + 4, next - 2);
            Matcher name = NAME.matcher(head);
            Matcher filename = FILENAME.matcher(head);
            if (name.find()) {
                parts.put(name.group(1), new Part(filename.find() ? filename.group(1) : "", content));
            }
            start = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
