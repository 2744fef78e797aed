package dev.storycore.generation.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteSizesTest {

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource(delimiter = '=', value = {
        "2.50 GiB = 2684354560",
        "320.00 MiB = 335544320",
        "0 bytes = 0",
        "1 byte = 1",
        "20423839744 bytes = 20423839744",
        "512 KiB = 524288",
        "1 TiB = 1099511627776",
        "256.00 MB = 268435456",
        "18.13 GB = 19466939269",
        "4 KB = 4096",
        "1,024 bytes = 1024",
        "123 = 123",
        "15.70gib = 16857746637",
        "100 B = 100"})
    void parsesAmountsInEveryUnit(String amount, long bytes) {
        assertThat(ByteSizes.parse(amount)).hasValue(bytes);
    }

    @Test
    void rejectsTextThatIsNotOneAmount() {
        assertThat(ByteSizes.parse("about 2 GiB")).isEmpty();
        assertThat(ByteSizes.parse("2 GiB and 3 GiB")).isEmpty();
        assertThat(ByteSizes.parse("")).isEmpty();
        assertThat(ByteSizes.parse("1e400 GiB")).isEmpty();
    }

    @Test
    void formatsInTheLargestBinaryUnitWithTwoDecimals() {
        assertThat(ByteSizes.format(2_684_354_560L)).isEqualTo("2.50 GiB");
        assertThat(ByteSizes.format(335_544_320L)).isEqualTo("320.00 MiB");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.50 KiB");
        assertThat(ByteSizes.format(999)).isEqualTo("999 bytes");
    }

    @Test
    void formatThenParseGivesTheSameAmountToTwoDecimals() {
        for (long bytes : new long[] {1L << 30, 3L << 29, 47_813_723_423L, 104_857_600L}) {
            long back = ByteSizes.parse(ByteSizes.format(bytes)).orElseThrow();
            assertThat((double) Math.abs(back - bytes)).isLessThanOrEqualTo(bytes * 0.005);
        }
    }
}
