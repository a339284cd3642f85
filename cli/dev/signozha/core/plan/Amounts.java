package dev.signozha.core.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats totals the way Kubernetes users read them: cores, and binary units for bytes. */
public final class Amounts {

    private static final String[] BINARY_UNITS = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

    private Amounts() {}

    public static String cores(BigDecimal cores) {
        return cores.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Bytes in the largest binary unit that keeps the number at least 1, one decimal at most. */
    public static String bytes(BigDecimal bytes) {
        if (bytes.compareTo(KIBI) < 0) {
            return bytes.stripTrailingZeros().toPlainString();
        }
        BigDecimal value = bytes;
        int unit = -1;
        while (unit < BINARY_UNITS.length - 1 && value.compareTo(KIBI) >= 0) {
            value = value.divide(KIBI, 10, RoundingMode.HALF_UP);
            unit++;
        }
        return value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + BINARY_UNITS[unit];
    }
}
