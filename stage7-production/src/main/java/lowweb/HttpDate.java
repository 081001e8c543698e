package lowweb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

    private HttpDate() {
    }

    /** Any instant at all, clamped to the years 0000 to 9999 that the format can write. */
    static String format(Instant instant) {
        Instant representable = instant.isBefore(FIRST) ? FIRST : instant.isAfter(LAST) ? LAST : instant;
        return IMF_FIXDATE.format(representable);
    }
}
