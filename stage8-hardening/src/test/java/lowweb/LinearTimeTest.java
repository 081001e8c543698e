package lowweb;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every parser of request bytes takes time linear in what it reads. A request head holds at most
 * {@code maxRequestBytes} (8192 by default), so a value of about 8000 bytes is the largest a client can send; each
 * parser gets such values made of what its grammar repeats (blanks, commas, quotes, {@code W/}, semicolons, digits,
 * percent signs, colons...) many times over, and must be done well within a budget.
 *
 * <p>The budget: on a busy two-core machine, the slowest of these values (two thousand path segments, each decoded)
 * needs about {@value #LINEAR_MILLIS} ms of processor time for {@value #CALLS} calls, and most need well under 100 ms;
 * the budget is twenty times the slowest. A parser quadratic in its input needs far more: the regular expression that
 * once read entity-tag lists took about 0.6 s for a single call on 8000 blanks, and used up the budget within its
 * first 17 calls. The loop stops as soon as the budget is spent, so a failing test ends within
 * {@value #BUDGET_MILLIS} ms too.
 */
@Tag("linear-time")
@DisplayName("Every parser of request bytes runs in time linear in its input, whatever a client sends")
class LinearTimeTest {

    /** The longest field value a head of the default 8192 bytes can hold besides a request line and Host. */
    private static final int LONGEST = 8000;
    private static final int CALLS = 300;
    private static final int LINEAR_MILLIS = 500;
    private static final int BUDGET_MILLIS = 20 * LINEAR_MILLIS;
    private static final Duration BUDGET = Duration.ofMillis(BUDGET_MILLIS);
    private static final ThreadMXBean THREAD = ManagementFactory.getThreadMXBean();

    private static final RequestLine GET = new RequestLine("GET", "/hello.txt", "HTTP/1.1");
    private static final Representation HELLO = new Representation("text/plain", Optional.empty(), 6,
            Instant.parse("2024-01-02T03:04:05Z"),
            EntityTag.of(6, Instant.parse("2024-01-02T03:04:05Z"), Optional.empty()), false, Optional.empty());

    @Test
    @DisplayName("Entity-tag lists of If-None-Match and If-Range: 8000 blanks, commas, quotes or W/ take linear time"
            + " (RFC 9110 §8.8.3, §13.1.2)")
    void entityTagLists() {
        assertLinear(EntityTag::parseList, repeated("a", " ", "b"), repeated("\"", " ", "\""),
                repeated("", ",", ""), repeated("", "\"", ""), repeated("", "W/", "\"a\""), repeated("", "\"a\",", ""),
                repeated("", "\"a\" ", "x"), repeated("W/\"", "a", ""));
    }

    @Test
    @DisplayName("Preconditions: an 8000-byte If-None-Match, If-Modified-Since or If-Range takes linear time"
            + " (RFC 9110 §13.2.2)")
    void preconditions() {
        for (String field : List.of("If-None-Match", "If-Modified-Since", "If-Range")) {
            assertLinear(value -> {
                Request request = request(field, value);
                Preconditions.notModified(request, HELLO);
                Preconditions.rangeStillApplies(request, HELLO);
            }, repeated("a", " ", "b"), repeated("\"", " ", "\""), repeated("W/", "\"a\", ", ""),
                    repeated("", "*", ""));
        }
    }

    @Test
    @DisplayName("HTTP dates: 8000 blanks, digits, commas or colons take linear time in each of the three formats"
            + " (RFC 9110 §5.6.7)")
    void httpDates() {
        assertLinear(HttpDate::parse, repeated("Sun,", " ", "GMT"), repeated("Sun, 06 Nov ", "1", " 08:49:37 GMT"),
                repeated("", ",", ""), repeated("Sunday, 06-Nov-94 ", ":", " GMT"), repeated("Sun Nov  6 ", "0", ""));
    }

    @Test
    @DisplayName("Range: 8000 blanks, digits, dashes, commas or equals signs take linear time (RFC 9110 §14.1.2)")
    void ranges() {
        assertLinear(value -> ByteRange.parse(value, 1000), repeated("bytes=", " ", "x"),
                repeated("bytes=", "0", "-"), repeated("bytes=", "-", ""), repeated("bytes=", "0-1,", ""),
                repeated("bytes=", ",", "0-1"), repeated("", "=", ""), repeated("bytes=1-", "9", ""),
                repeated("", " ", "bytes=0-1"));
    }

    @Test
    @DisplayName("Accept-Encoding: 8000 blanks, semicolons, equals signs, commas or token characters take linear time"
            + " (RFC 9110 §12.5.3)")
    void acceptEncoding() {
        assertLinear(value -> AcceptEncoding.of(fields("Accept-Encoding", value)), repeated("gzip", " ", "x"),
                repeated("gzip", ";", ""), repeated("gzip;q", "=", ""), repeated("", ",", "gzip"),
                repeated("", "a", ";q=1"), repeated("gzip;q=0.", "0", ""), repeated("", "gzip;q=1 ,", ""));
    }

    @Test
    @DisplayName("Host: an 8000-byte reg-name, IP literal or port, of colons, brackets or digits, takes linear time"
            + " (RFC 9110 §7.2)")
    void host() {
        assertLinear(value -> Request.parse(List.of("GET / HTTP/1.1", "Host: " + value)),
                repeated("", "a", ":x"), repeated("[", ":", ""), repeated("[", ":", "]:x"), repeated("a:", "1", "x"),
                repeated("", "%", ""), repeated("", ":", ""), repeated("", "[", ""));
    }

    @Test
    @DisplayName("Request-target forms: an 8000-byte absolute-form or authority-form target takes linear time"
            + " (RFC 9112 §3.2)")
    void targetForms() {
        assertLinear(value -> TargetForm.originForm(new RequestLine("GET", value, "HTTP/1.1")),
                repeated("http://", "a", ""), repeated("http://", "a", ":x"), repeated("", "a", ":1"),
                repeated("", "a", ":"), repeated("http://a/", "#", ""), repeated("http://[", ":", ""),
                repeated("HTTP://", "/", ""), repeated("http://", "?", "#"));
    }

    @Test
    @DisplayName("Request-target paths and queries: 8000 percent signs, slashes, escapes or dots take linear time"
            + " (RFC 3986 §3.3, §3.4)")
    void requestTargets() {
        assertLinear(RequestTarget::parse, repeated("/", "%", ""), repeated("/", "a/", ""), repeated("/", "%41/", ""),
                repeated("/", "%41", ""), repeated("/", "/", "\\"), repeated("/", ".", "%zz"));
        assertLinear(value -> RequestTarget.parse(value).folderLocation(), repeated("/?", "%", ""),
                repeated("/?", "\u00ff", ""), repeated("/a/", "/", "?"));
    }

    @Test
    @DisplayName("Request lines: 8000 spaces, token characters or target bytes take linear time (RFC 9112 §3)")
    void requestLines() {
        assertLinear(RequestLine::parse, repeated("GET /", "a", " HTTP/1.1"), repeated("", "G", " / HTTP/1.1"),
                repeated("GET", " ", "/ HTTP/1.1"), repeated("GET / HTTP/", "1", ""), repeated("GET / ", "H", ""));
    }

    @Test
    @DisplayName("Field lines: 8000 blanks, colons or token characters take linear time (RFC 9112 §5)")
    void fieldLines() {
        assertLinear(value -> HeaderFields.parse(List.of(value)), repeated("X:", " ", "a"),
                repeated("X: a", " ", ""), repeated("", "X", ": a"), repeated("", ":", ""), repeated("X", " ", ": a"),
                repeated("X: ", "\t ", "\u0001"));
    }

    @Test
    @DisplayName("Connection options: 8000 commas, blanks or token characters take linear time (RFC 9110 §7.6.1)")
    void connectionOptions() {
        assertLinear(value -> request("Connection", value).wantsPersistence(), repeated("", ",", "close"),
                repeated("", " , ", ""), repeated("", "a", ", close"), repeated("close", " ", "x"));
    }

    @Test
    @DisplayName("Content-Length and Transfer-Encoding: 8000 digits, commas or blanks take linear time"
            + " (RFC 9112 §6, RFC 9110 §8.6)")
    void framingFields() {
        for (String field : List.of("Content-Length", "Transfer-Encoding")) {
            assertLinear(value -> RequestBody.framing(request(field, value)), repeated("", "0", ""),
                    repeated("", "1, ", "1"), repeated("", ",", "chunked"), repeated("", " ", ","),
                    repeated("", "gzip,", "chunked"), repeated("", "5", "x"));
        }
    }

    @Test
    @DisplayName("Chunk-size lines and trailer fields: 1 KB of hex digits, blanks or semicolons, and 8 KB of trailer"
            + " fields, take linear time (RFC 9112 §7.1)")
    void chunkLines() {
        int longest = 1023;
        List<Value> bodies = new ArrayList<>();
        List<String> lines = List.of("0".repeat(longest), "f".repeat(longest), "1" + " ".repeat(longest - 2) + ";",
                "1" + "\t".repeat(longest - 2) + "x", "1" + ";".repeat(longest - 1), "1;" + "a=".repeat(longest / 2 - 1));
        for (String line : lines) {
            bodies.add(new Value(Printable.bytes(line.substring(0, 3).getBytes(StandardCharsets.ISO_8859_1))
                    + "... (" + line.length() + " bytes) as a chunk-size line", line + "\r\nx\r\n0\r\n\r\n"));
        }
        bodies.add(new Value("a last chunk, then 80 trailer fields of 100 bytes",
                "0\r\n" + ("X: " + "a".repeat(95) + "\r\n").repeat(80) + "\r\n"));
        assertLinear(value -> {
            try {
                RequestBody.discard(new RequestBody.Chunked(), stream(value), 1 << 20, 8192);
            } catch (EOFException e) {
                // A chunk of data longer than the input: what matters here is the time to get there.
            }
        }, bodies.toArray(Value[]::new));
    }

    @Test
    @DisplayName("Request heads: 8000 bytes of blanks, colons or line feeds take linear time to read (RFC 9112 §2.2)")
    void heads() {
        assertLinear(value -> Request.parse(new HeadReader(stream(value), 8192, 100).readLines()),
                repeated("GET / HTTP/1.1\r\nX:", " ", "\r\n\r\n"), repeated("GET / HTTP/1.1\r\n", "\n", ""),
                repeated("GET / HTTP/1.1\r\nX", ":", "\r\n\r\n"),
                repeated("GET / HTTP/1.1\r\nHost: a\r\n", "A:b\r\n", "\r\n"));
    }

    /** A parser: returns anything, or throws an {@link HttpError} for what it refuses. */
    @FunctionalInterface
    private interface Parser {
        void parse(String value) throws HttpError, IOException;
    }

    /** One adversarial value, with how to tell it in a failure message instead of its 8000 bytes. */
    private record Value(String description, String text) {
    }

    /**
     * {@code before}, then {@code unit} repeated until the value is {@value #LONGEST} bytes long, then {@code after}:
     * the value that makes a backtracking parser try again from each repeated unit.
     */
    private static Value repeated(String before, String unit, String after) {
        int times = (LONGEST - before.length() - after.length()) / unit.length();
        return new Value(shown(before) + " + " + times + " x " + shown(unit) + " + " + shown(after),
                before + unit.repeat(times) + after);
    }

    private static String shown(String text) {
        return Printable.bytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * Runs the parser {@value #CALLS} times on each value, and fails as soon as the processor time spent on one value
     * passes the budget, so that a quadratic parser fails within the budget too. Processor time of this thread, not
     * time on the clock: other programs on the machine, the JIT compiler and the garbage collector do not count.
     */
    private static void assertLinear(Parser parser, Value... values) {
        for (Value value : values) {
            long start = THREAD.getCurrentThreadCpuTime();
            for (int call = 1; call <= CALLS; call++) {
                try {
                    parser.parse(value.text());
                } catch (HttpError e) {
                    // A refusal is an answer, as fast as any other.
                } catch (IOException e) {
                    throw new AssertionError("parsing " + value.description() + " threw " + e, e);
                }
                long spent = THREAD.getCurrentThreadCpuTime() - start;
                if (spent > BUDGET.toNanos()) {
                    fail("%d calls on %s took %d ms of processor time, more than the %d ms that %d calls may take",
                            call, value.description(), spent / 1_000_000, BUDGET.toMillis(), CALLS);
                }
            }
        }
    }

    private static Request request(String name, String value) {
        return new Request(GET, fields(name, value));
    }

    private static HeaderFields fields(String name, String value) {
        return new HeaderFields(List.of(new HeaderFields.Field("Host", "localhost"),
                new HeaderFields.Field(name, value)));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
