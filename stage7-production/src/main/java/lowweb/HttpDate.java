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
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {
    }

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
