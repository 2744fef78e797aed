package dev.storycore.generation.request;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SnapTest {

    @Property
    void snappedValuesAreMultiplesWithinHalfAStep(@ForAll @IntRange(min = 1, max = 8192) int value,
            @ForAll @IntRange(min = 1, max = 64) int multiple) {
        int snapped = Snap.toMultiple(value, multiple);
        assertThat(snapped % multiple).isZero();
        assertThat(snapped).isGreaterThanOrEqualTo(multiple);
        if (value >= multiple) {
            assertThat(Math.abs(snapped - value)).isLessThanOrEqualTo(multiple / 2);
        }
    }

    @Property
    void snappingDownNeverRaises(@ForAll @IntRange(min = 64, max = 8192) int value,
            @ForAll @IntRange(min = 1, max = 64) int multiple) {
        assertThat(Snap.downToMultiple(value, multiple)).isLessThanOrEqualTo(value);
    }
}
