package org.qapijava.schema.view;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Byte counts the way QEMU's monitor shows them: three significant digits and an IEC unit, such as
 * {@code 0 B}, {@code 765 B}, {@code 1.22 MiB} or {@code 0.977 KiB}.
 *
 * <p>The unit is the largest power of 1024 under which the number stays below 1000, and the number is
 * printed like C's {@code %.3g} (trailing zeros dropped; exponent notation when rounding reaches 1000, so
 * 1023500 bytes is {@code 1e+03 KiB}, as QEMU prints it).
 */
public final class HumanSize {
    private static final String[] PREFIXES = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_EVEN);

    private HumanSize() {}

    /** The size of {@code bytes}, read as an unsigned 64-bit count as QEMU does. */
    public static String of(long bytes) {
        double value = unsignedToDouble(bytes);
        int shift = (binaryExponent(value / (1000.0 / 1024.0)) - 1) / 10 * 10;
        return threeSignificantDigits(value / Math.scalb(1.0, shift)) + " " + PREFIXES[shift / 10] + "B";
    }

    /** The exponent e with x = m * 2^e and 0.5 <= m < 1; 0 for 0. */
    private static int binaryExponent(double x) {
        return x == 0 ? 0 : Math.getExponent(x) + 1;
    }

    private static double unsignedToDouble(long value) {
        if (value >= 0) {
            return value;
        }
        return ((value >>> 1) | (value & 1)) * 2.0;
    }

    /** C's {@code %.3g}: exact decimal rounding of the double, ties to even. */
    static String threeSignificantDigits(double x) {
        if (x == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(x).round(THREE_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 3) {
            String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                    + Math.abs(exponent);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
