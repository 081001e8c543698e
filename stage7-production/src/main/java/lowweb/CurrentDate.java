package lowweb;

import java.time.Instant;

/**
 * The value of the Date field that every response carries (RFC 9110 §6.6.1). It has a resolution of one second, so it
 * is formatted once a second and reused by every response in that second: formatting a date takes longer than the
 * rest of a small response's head.
 */
final class CurrentDate {

    /** The date of one second, as written. */
    private record Formatted(long epochSecond, String value) {
    }

    /** Replaced whole, so a reader never sees one second's number with another second's text. */
    private static volatile Formatted latest = new Formatted(Long.MIN_VALUE, "");

    private CurrentDate() {
    }

    static String value() {
        long now = System.currentTimeMillis() / 1000;
        Formatted formatted = latest;
        if (formatted.epochSecond() != now) {
            // Two threads may both format the new second; both get the same text, and one of them is kept.
            formatted = new Formatted(now, HttpDate.format(Instant.ofEpochSecond(now)));
            latest = formatted;
        }
        return formatted.value();
    }
}
