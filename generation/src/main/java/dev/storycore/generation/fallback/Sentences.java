package dev.storycore.generation.fallback;

import java.util.ArrayList;
import java.util.List;

/** Helpers that keep problem sentences short and single-line whatever a file contains. */
final class Sentences {

    private static final int MAX_QUOTED = 80;

    private Sentences() {
    }

    /** Quotes a name from a file, shortened and without control characters. */
    static String quote(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > MAX_QUOTED) {
            clean = clean.substring(0, MAX_QUOTED - 1) + "…";
        }
        return "'" + clean + "'";
    }

    /** Names a few items, e.g. {@code 'a', 'b' and 3 more}. */
    static String some(List<String> names, int shown) {
        List<String> quoted = new ArrayList<>();
        for (int i = 0; i < Math.min(shown, names.size()); i++) {
            quoted.add(quote(names.get(i)));
        }
        String joined = String.join(", ", quoted);
        int rest = names.size() - quoted.size();
        return rest > 0 ? joined + " and " + rest + " more" : joined;
    }
}
