package org.qapijava.schema.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes as QEMU's monitor prints them (expected values checked against C's printf "%0.3g"). */
class HumanSizeTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0 B",
        "1|1 B",
        "765|765 B",
        "999|999 B",
        "1000|0.977 KiB",
        "1023|0.999 KiB",
        "1024|1 KiB",
        "1152|1.12 KiB",           // an exact tie rounds to even, as C does
        "1408|1.38 KiB",
        "1536|1.5 KiB",
        "208896|204 KiB",
        "417792|408 KiB",
        "1023385|999 KiB",
        "1023500|1e+03 KiB",       // rounding reaches 1000: C's %g switches to exponent notation
        "1280000|1.22 MiB",
        "67108864|64 MiB",
        "1073741824|1 GiB",
        "1000000000000|931 GiB",
        "5497558138880|5 TiB",
        "-1|16 EiB",               // 2^64 - 1: QEMU's sizes are unsigned
    })
    void formatsLikeQemu(long bytes, String expected) {
        assertThat(HumanSize.of(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.000123456|0.000123",
        "0.0000123456|1.23e-05",
        "12345678|1.23e+07",
        "100|100",
        "2.5|2.5",
    })
    void threeSignificantDigitsIsCsPercentG(double value, String expected) {
        assertThat(HumanSize.threeSignificantDigits(value)).isEqualTo(expected);
    }
}
