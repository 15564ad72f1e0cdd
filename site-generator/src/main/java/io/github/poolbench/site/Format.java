package io.github.poolbench.site;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers as a careful reader expects them: no more digits than the error supports. */
final class Format {

    private Format() {}

    /** {@code 301.2 ± 1.4}: the score rounded to the error's second significant digit. */
    static String scoreWithError(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4) + " ± ?";
        }
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(error))));
        return fixed(score, decimals) + " ± " + fixed(error, decimals);
    }

    static String score(double score, double error) {
        if (!Double.isFinite(error) || error == 0) {
            return significant(score, 4);
        }
        return fixed(score, Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(error)))));
    }

    static String error(double score, double error) {
        if (!Double.isFinite(error)) {
            return "NaN";
        }
        if (error == 0) {
            return "0";
        }
        return fixed(error, Math.max(0, 1 - (int) Math.floor(Math.log10(Math.abs(error)))));
    }

    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
