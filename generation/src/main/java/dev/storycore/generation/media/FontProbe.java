package dev.storycore.generation.media;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds out once whether AWT can draw text here, and picks the {@link TextEngine} accordingly.
 *
 * <p>On a headless machine with no fonts (a slim container without fontconfig fonts) AWT fails at the
 * first measurement or drawn string. JDK 25 throws a {@code RuntimeException} ("Fontconfig head is
 * null, check your fonts or fonts configuration"), then a plain {@code java.lang.Error} ("Probable
 * fatal error: No physical fonts found."); other versions and setups report the same condition as an
 * {@code InternalError}, a {@code NullPointerException} from the font configuration, or an
 * {@code UnsatisfiedLinkError} when the native font library is missing. The probe draws a sample into
 * a tiny image; if that throws, or measures or draws nothing, it logs one WARNING ({@value #NO_FONTS})
 * and every frame from then on uses the {@link BitmapFont}. Only virtual-machine errors other than
 * {@code InternalError} (out of memory, stack overflow) escape: they say nothing about fonts, and the
 * probe runs again on the next call.
 *
 * <p>Thread-safe and lock-free: the verdict sits in an {@link AtomicReference}; threads that arrive
 * before it is set may each run the probe, and the first verdict stored wins (and alone is logged).
 */
final class FontProbe {

    /** The WARNING logged once when the probe fails. */
    static final String NO_FONTS = "no usable fonts; drawing text with the built-in bitmap font";

    private static final Logger LOG = System.getLogger(FontProbe.class.getName());
    private static final FontProbe SYSTEM = new FontProbe(FontProbe::drawSample, LOG);
    private static final AtomicBoolean LATE_FAILURE_LOGGED = new AtomicBoolean();

    private final Runnable sample;
    private final Logger log;
    private final AtomicReference<TextEngine> verdict = new AtomicReference<>();

    /**
     * A probe with its own sample and logger; production code uses {@link #system()}.
     *
     * @param sample draws some text with AWT, throwing if it cannot
     * @param log    where the one WARNING goes
     */
    FontProbe(Runnable sample, Logger log) {
        this.sample = Objects.requireNonNull(sample, "sample");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * The probe of this JVM's real AWT fonts.
     *
     * @return the shared probe
     */
    static FontProbe system() {
        return SYSTEM;
    }

    /**
     * The engine to draw text with, probing on the first call.
     *
     * @return {@link TextEngine#AWT_FONTS} if the sample drew, else {@link TextEngine#BITMAP_FONT}
     */
    TextEngine engine() {
        TextEngine known = verdict.get();
        if (known != null) {
            return known;
        }
        Optional<Throwable> failure = failureOf(sample);
        TextEngine chosen = failure.isPresent() ? TextEngine.BITMAP_FONT : TextEngine.AWT_FONTS;
        if (verdict.compareAndSet(null, chosen)) {
            failure.ifPresent(cause -> log.log(Level.WARNING, NO_FONTS, cause));
        }
        return verdict.get();
    }

    /**
     * Rethrows what no font fallback should hide: virtual-machine errors except {@link InternalError},
     * which AWT uses for font configuration failures. Everything else (runtime exceptions, linkage
     * errors, plain {@link Error}s) counts as "AWT text does not work".
     *
     * @param failure what AWT threw
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof InternalError)) {
            throw fatal;
        }
    }

    /**
     * Logs, once per JVM, that AWT text failed after the probe passed and the bitmap font stood in.
     *
     * @param failure what AWT threw
     */
    static void warnOnce(Throwable failure) {
        if (LATE_FAILURE_LOGGED.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "AWT text failed after fonts looked usable; drawing that text with the"
                    + " built-in bitmap font (logged once)", failure);
        }
    }

    private static Optional<Throwable> failureOf(Runnable sample) {
        try {
            sample.run();
            return Optional.empty();
        } catch (Throwable failure) {
            rethrowIfFatal(failure);
            return Optional.of(failure);
        }
    }

    /** Measures and draws white text on black, both faces the renderers use, and checks ink landed. */
    private static void drawSample() {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            for (int style : new int[] {Font.PLAIN, Font.BOLD}) {
                g.setFont(new Font(Font.SANS_SERIF, style, 12));
                FontMetrics metrics = g.getFontMetrics();
                if (metrics.getHeight() <= 0 || metrics.stringWidth("Ag") <= 0) {
                    throw new IllegalStateException("AWT measures text as empty");
                }
                g.drawString("Ag", 1, metrics.getAscent());
            }
        } finally {
            g.dispose();
        }
        if (!hasInk(image)) {
            throw new IllegalStateException("AWT drew no text pixels");
        }
    }

    private static boolean hasInk(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
