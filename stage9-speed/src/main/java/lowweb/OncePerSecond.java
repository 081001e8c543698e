package lowweb;

import java.time.Instant;
import java.util.function.Function;

/**
 * A time as text, formatted once a second and reused by everything that writes a time in that second: the Date of
 * every response (RFC 9110 §6.6.1) and the time of every access-log line. Both are written to the second, and
 * formatting a date takes longer than the rest of a small response's head.
 */
final class OncePerSecond {

    /** The text of one second. */
    private record Formatted(long epochSecond, String text) {
    }

    private final Function<Instant, String> format;
    /** Replaced whole, so a reader never sees one second's number with another second's text. */
    private volatile Formatted latest = new Formatted(Long.MIN_VALUE, "");

    /** @param format writes a time; it must not look at anything finer than the second */
    OncePerSecond(Function<Instant, String> format) {
        this.format = format;
    }

    /** The text of the second that {@code time} falls in. */
    String format(Instant time) {
        long second = time.getEpochSecond();
        Formatted formatted = latest;
        if (formatted.epochSecond() != second) {
            // Two threads may both format the new second; both get the same text, and one of them is kept.
            formatted = new Formatted(second, format.apply(Instant.ofEpochSecond(second)));
            latest = formatted;
        }
        return formatted.text();
    }
}
