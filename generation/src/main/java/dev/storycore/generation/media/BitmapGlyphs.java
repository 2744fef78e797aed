package dev.storycore.generation.media;

import java.text.Normalizer;

/**
 * The glyphs of {@link BitmapFont}: printable ASCII (32–126) and the few typographic marks the
 * renderers and prompts commonly use (ellipsis, middle dot, en and em dash, curly quotes, degree sign),
 * each 5 pixels wide and 9 rows tall. Rows 0–6 stand on the baseline (capitals and digits fill all
 * seven, lower case the bottom five), rows 7–8 hold descenders.
 *
 * <p>A glyph is packed into a {@code long}, 5 bits a row with row 0 in the highest bits and the
 * leftmost column in each row's highest bit. The source table writes each glyph as nine two-digit hex
 * rows from the top ({@code 0x10} is the leftmost column), which keeps it short and diffable.
 * Accented letters draw as their base letter ({@code é} as {@code e}); anything else draws as a
 * hollow box, so a missing character is visibly missing rather than silently dropped.
 *
 * <p>Immutable after class initialisation; thread-safe.
 */
final class BitmapGlyphs {

    /** Width of every glyph in design pixels. */
    static final int COLUMNS = 5;

    /** Height of every glyph in design pixels, descenders included. */
    static final int ROWS = 9;

    /** Rows from the top of a glyph down to the baseline. */
    static final int BODY_ROWS = 7;

    private static final int FIRST = 32;
    private static final int LAST = 126;

    private static final String[] ASCII = {
            "000000000000000000", "040404040400040000", "0a0a0a000000000000", // space ! "
            "0a0a1f0a1f0a0a0000", "040f140e051e040000", "181902040813030000", // # $ %
            "0c12140815120d0000", "040404000000000000", "020408080804020000", // & ' (
            "080402020204080000", "0004150e1504000000", "0004041f0404000000", // ) * +
            "00000000000c0c0408", "0000000e0000000000", "00000000000c0c0000", // , - .
            "000102040810000000", "0e11131519110e0000", "040c040404040e0000", // / 0 1
            "0e11010204081f0000", "1f02040201110e0000", "02060a121f02020000", // 2 3 4
            "1f101e0101110e0000", "0608101e11110e0000", "1f0102040808080000", // 5 6 7
            "0e11110e11110e0000", "0e11110f01020c0000", "000c0c00000c0c0000", // 8 9 :
            "000c0c00000c0c0408", "020408100804020000", "00001f001f00000000", // ; < =
            "080402010204080000", "0e1101020400040000", "0e11171517100e0000", // > ? @
            "0e11111f1111110000", "1e11111e11111e0000", "0e11101010110e0000", // A B C
            "1c12111111121c0000", "1f10101e10101f0000", "1f10101e1010100000", // D E F
            "0e11101711110f0000", "1111111f1111110000", "0e04040404040e0000", // G H I
            "0702020202120c0000", "111214181412110000", "1010101010101f0000", // J K L
            "111b15151111110000", "111119151311110000", "0e11111111110e0000", // M N O
            "1e11111e1010100000", "0e11111115120d0000", "1e11111e1412110000", // P Q R
            "0f10100e01011e0000", "1f0404040404040000", "1111111111110e0000", // S T U
            "11111111110a040000", "1111111515150a0000", "11110a040a11110000", // V W X
            "11110a040404040000", "1f01020408101f0000", "0e08080808080e0000", // Y Z [
            "001008040201000000", "0e02020202020e0000", "040a11000000000000", // \ ] ^
            "000000000000001f00", "080402000000000000", "00000e010f110f0000", // _ ` a
            "10101e1111111e0000", "00000e1010110e0000", "01010f1111110f0000", // b c d
            "00000e111f100e0000", "0609081c0808080000", "00000f1111110f010e", // e f g
            "101016191111110000", "04000c0404040e0000", "02000602020202120c", // h i j
            "101012141814120000", "0c04040404040e0000", "00001a151515150000", // k l m
            "000016191111110000", "00000e1111110e0000", "00001e1111111e1010", // n o p
            "00000f1111110f0101", "000016191010100000", "00000f100e011e0000", // q r s
            "08081c080809060000", "0000111111130d0000", "00001111110a040000", // t u v
            "0000111115150a0000", "0000110a040a110000", "0000111111110f010e", // w x y
            "00001f0204081f0000", "030404080404030000", "040404040404040400", // z { |
            "180404020404180000", "000008150200000000", // } ~
    };

    private static final long[] ASCII_GLYPHS = new long[ASCII.length];
    private static final long ELLIPSIS = pack("000000000000150000");
    private static final long MIDDLE_DOT = pack("0000000c0c00000000");
    private static final long DASH = pack("0000001f0000000000");
    private static final long LEFT_QUOTE = pack("020404000000000000");
    private static final long RIGHT_QUOTE = pack("040408000000000000");
    private static final long LEFT_DOUBLE_QUOTE = pack("0a1414000000000000");
    private static final long RIGHT_DOUBLE_QUOTE = pack("0a0a14000000000000");
    private static final long DEGREE = pack("0c120c000000000000");
    private static final long MISSING = pack("1f11111111111f0000");

    static {
        for (int i = 0; i < ASCII.length; i++) {
            ASCII_GLYPHS[i] = pack(ASCII[i]);
        }
    }

    private BitmapGlyphs() {
    }

    /**
     * The packed glyph for a character; read its rows with {@link #row(long, int)}.
     *
     * @param codePoint any code point
     * @return its glyph, its base letter's glyph, or the hollow box
     */
    static long glyph(int codePoint) {
        if (codePoint >= FIRST && codePoint <= LAST) {
            return ASCII_GLYPHS[codePoint - FIRST];
        }
        return switch (codePoint) {
            case '…' -> ELLIPSIS;
            case '·', '•' -> MIDDLE_DOT;
            case '–', '—', '−' -> DASH;
            case '‘' -> LEFT_QUOTE;
            case '’' -> RIGHT_QUOTE;
            case '“' -> LEFT_DOUBLE_QUOTE;
            case '”' -> RIGHT_DOUBLE_QUOTE;
            case '°' -> DEGREE;
            default -> baseLetter(codePoint);
        };
    }

    /**
     * One row of a glyph.
     *
     * @param glyph a value from {@link #glyph(int)}
     * @param row   0 (top) to {@link #ROWS} − 1
     * @return the row's 5 bits, the leftmost column in bit 4
     */
    static int row(long glyph, int row) {
        return (int) (glyph >>> (COLUMNS * (ROWS - 1 - row))) & 0x1f;
    }

    /** The glyph of the character with its accents removed, if that is ASCII; else the box. */
    private static long baseLetter(int codePoint) {
        String decomposed = Normalizer.normalize(Character.toString(codePoint), Normalizer.Form.NFD);
        char base = decomposed.charAt(0);
        return base != codePoint && base >= FIRST && base <= LAST ? ASCII_GLYPHS[base - FIRST] : MISSING;
    }

    private static long pack(String hexRows) {
        long glyph = 0;
        for (int row = 0; row < ROWS; row++) {
            glyph = glyph << COLUMNS | Integer.parseInt(hexRows, 2 * row, 2 * row + 2, 16);
        }
        return glyph;
    }
}
