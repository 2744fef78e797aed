package dev.storycore.generation.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Choosing between AWT fonts and the bitmap font, once, and falling back per call afterwards. */
class FontProbeTest {

    /** Keeps what was logged as "LEVEL message (cause)". */
    private static final class RecordingLogger implements Logger {
        final List<String> records = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            records.add(level + " " + msg + " (" + thrown + ")");
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            records.add(level + " " + format);
        }
    }

    private final RecordingLogger log = new RecordingLogger();
    private final AtomicInteger runs = new AtomicInteger();

    private FontProbe probeThrowing(Supplier<Throwable> failure) {
        return new FontProbe(() -> {
            runs.incrementAndGet();
            throw sneaky(failure.get());
        }, log);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
        throw (T) t;
    }

    static Stream<Throwable> fontFailures() {
        return Stream.of(new RuntimeException("Fontconfig head is null, check your fonts or fonts configuration"),
                new Error("Probable fatal error: No physical fonts found."),
                new InternalError("Fontconfig head is null, check your fonts or fonts configuration"),
                new NullPointerException("Cannot load from short array because \"sun.awt.FontConfiguration.head\""
                        + " is null"),
                new UnsatisfiedLinkError("libfontmanager.so: libfreetype.so.6: cannot open shared object file"),
                new NoClassDefFoundError("Could not initialize class sun.awt.X11FontManager"),
                new ExceptionInInitializerError("font manager"));
    }

    @Test
    void aProbeFailingWithFontconfigHeadIsNullSelectsTheBitmapFontAndWarnsOnce() {
        FontProbe probe = probeThrowing(() -> new InternalError("Fontconfig head is null"));

        assertThat(probe.engine()).isEqualTo(TextEngine.BITMAP_FONT);
        assertThat(probe.engine()).isEqualTo(TextEngine.BITMAP_FONT);
        assertThat(runs).hasValue(1);
        assertThat(log.records).containsExactly("WARNING " + FontProbe.NO_FONTS
                + " (java.lang.InternalError: Fontconfig head is null)");
    }

    @ParameterizedTest
    @MethodSource("fontFailures")
    void everyKindOfAwtFontFailureSelectsTheBitmapFont(Throwable failure) {
        assertThat(probeThrowing(() -> failure).engine()).isEqualTo(TextEngine.BITMAP_FONT);
    }

    @Test
    void threadsRacingToTheFirstProbeAllGetOneVerdictAndOneWarning() throws Exception {
        FontProbe probe = probeThrowing(() -> new InternalError("Fontconfig head is null"));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TextEngine>> verdicts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                verdicts.add(pool.submit(() -> {
                    start.await();
                    return probe.engine();
                }));
            }
            start.countDown();
            for (Future<TextEngine> verdict : verdicts) {
                assertThat(verdict.get(10, TimeUnit.SECONDS)).isEqualTo(TextEngine.BITMAP_FONT);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(runs.get()).isBetween(1, threads);
        assertThat(log.records).hasSize(1);
    }

    @Test
    void aWorkingProbeSelectsAwtFontsQuietlyAndRunsOnce() {
        FontProbe probe = new FontProbe(runs::incrementAndGet, log);

        assertThat(probe.engine()).isEqualTo(TextEngine.AWT_FONTS);
        assertThat(probe.engine()).isEqualTo(TextEngine.AWT_FONTS);
        assertThat(runs).hasValue(1);
        assertThat(log.records).isEmpty();
    }

    @Test
    void outOfMemoryEscapesTheProbeAndTheNextCallProbesAgain() {
        FontProbe probe = probeThrowing(() -> runs.get() == 1 ? new OutOfMemoryError("Java heap space")
                : new InternalError("Fontconfig head is null"));

        assertThatThrownBy(probe::engine).isInstanceOf(OutOfMemoryError.class);
        assertThat(probe.engine()).isEqualTo(TextEngine.BITMAP_FONT);
        assertThat(runs).hasValue(2);
    }

    @Test
    void theRealProbeChoosesAwtFontsOnThisMachine() {
        assertThat(TextEngine.detected()).isEqualTo(TextEngine.AWT_FONTS);
    }

    @Test
    void anAwtPenWhoseFontFailsAfterTheProbeStillMeasuresAndDrawsText() {
        BufferedImage image = new BufferedImage(80, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        TextPen pen = AwtPen.of(g, failingFont(() -> new InternalError("Fontconfig head is null")));
        g.setColor(Color.WHITE);

        assertThat(pen.stringWidth("Ag")).isEqualTo(BitmapFont.of(12, false).stringWidth("Ag"));
        pen.draw("Ag", 2, 20);
        g.dispose();

        assertThat(TestImages.pixels(image)).contains(0xffffffff);
    }

    @Test
    void outOfMemoryWhileDrawingIsNotMistakenForAFontFailure() {
        Graphics2D g = new BufferedImage(80, 30, BufferedImage.TYPE_INT_RGB).createGraphics();
        TextPen pen = AwtPen.of(g, failingFont(() -> new OutOfMemoryError("Java heap space")));

        assertThatThrownBy(() -> pen.draw("Ag", 2, 20)).isInstanceOf(OutOfMemoryError.class);
        g.dispose();
    }

    @Test
    void rethrowIfFatalPassesFontFailuresAndRethrowsVirtualMachineErrors() {
        fontFailures().forEach(failure -> FontProbe.rethrowIfFatal(failure));

        assertThatThrownBy(() -> FontProbe.rethrowIfFatal(new StackOverflowError()))
                .isInstanceOf(StackOverflowError.class);
    }

    /**
     * A real font whose layout-attribute check throws: AWT measures line metrics without it but
     * consults it for every string width and drawn string, so those calls fail as they would on a
     * machine whose font configuration broke after the probe. AWT caches metrics under any equal font,
     * so this one is Dialog, which neither the probe nor the renderers use.
     */
    private static Font failingFont(Supplier<Throwable> failure) {
        return new Font(Font.DIALOG, Font.PLAIN, 12) {
            @Override
            public boolean hasLayoutAttributes() {
                throw sneaky(failure.get());
            }
        };
    }
}
