package lowweb;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates as HTTP writes them, the IMF-fixdate of RFC 9110 §5.6.7: {@code Sun, 06 Nov 1994 08:49:37 GMT}.
 *
 * <p>Not {@link DateTimeFormatter#RFC_1123_DATE_TIME}: it writes one-digit days ({@code Sun, 6 Nov}), which the
 * fixed-length format forbids. English names whatever the machine's locale, and always GMT.
 */
final class HttpDate {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /**
     * RFC 9110 §5.6.7: the year has exactly four digits. A file's time can lie outside (a clock set wrong, a copied
     * archive, a touch -d), and a date that is not IMF-fixdate is a malformed field, so such times are clamped.
     */
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    /**
     * RFC 9110 §5.6.7: a recipient must also read the two obsolete formats that old clients still send, RFC 850's
     * {@code Sunday, 06-Nov-94 08:49:37 GMT} (see {@link #rfc850}) and C's asctime() {@code Sun Nov  6 08:49:37 1994}.
     */
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy",
            Locale.ENGLISH);
    /** RFC 9110 §5.6.7: a two-digit year more than 50 years in the future means the century before. */
    private static final int YEARS_AHEAD = 50;

    private HttpDate() {
    }

    /** Any instant at all, clamped to the years 0000 to 9999 that the format can write. */
    static String format(Instant instant) {
        Instant representable = instant.isBefore(FIRST) ? FIRST : instant.isAfter(LAST) ? LAST : instant;
        return IMF_FIXDATE.format(representable);
    }

    /** The date in a request's header field, or nothing when it is in none of the three formats. */
    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(IMF_FIXDATE.parse(text, Instant::from));
        } catch (DateTimeParseException e) {
            // Not the preferred format: one of the obsolete ones, or no date at all.
        }
        for (DateTimeFormatter format : List.of(rfc850(LocalDateTime.now(ZoneOffset.UTC).getYear()), ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // Try the next format.
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 850's format, its two-digit year read as one of the hundred years up to {@link #YEARS_AHEAD} years after
     * {@code thisYear}: in 2026, 76 is 2076 and 94 is 1994. The century must be known while the date is parsed, not
     * mended after: the day's name is checked against the date, and Java's {@code yy}, which always means 20yy, would
     * refuse RFC 9110's own example, a Sunday in 1994, because 6 November 2094 is a Friday.
     */
    private static DateTimeFormatter rfc850(int thisYear) {
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, thisYear + YEARS_AHEAD - 99)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH);
    }

    /** A time as a date in a header field can carry it: whole seconds. */
    static Instant precision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
