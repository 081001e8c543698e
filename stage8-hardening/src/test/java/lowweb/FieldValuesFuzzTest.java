package lowweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * Whatever value a client puts in a header field, the parser of that field returns what it read or throws an
 * {@link HttpError}, and what it read means what the field said. Any other exception would escape the connection's
 * handling, and a wrong reading of a framing field would make this server see other requests than a proxy in front
 * of it.
 *
 * <p>Without {@code JAZZER_FUZZ} each method runs once per file in {@code FieldValuesFuzzTestInputs/<method>/}; each
 * file holds one field value, byte for byte as it would stand after the colon (for {@code framing}, field lines, one
 * per line; for {@code chunkedBodies}, a chunked body).
 */
@Tag("fuzz")
class FieldValuesFuzzTest {

    private static final Settings LIMITS = Settings.DEFAULTS;
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any If-None-Match or If-Range value is a non-empty list of entity tags, or none; a list read back from"
            + " how its tags are written is the same list (RFC 9110 §8.8.3, §5.6.1)")
    void entityTagLists(byte[] bytes) {
        String value = text(bytes);
        Optional<List<EntityTag>> tags = parse(bytes, () -> EntityTag.parseList(value));

        tags.ifPresent(list -> {
            assertThat(list).as("tags of %s", Printable.bytes(bytes)).isNotEmpty();
            String written = list.stream().map(EntityTag::toString).collect(Collectors.joining(", "));
            assertThat(EntityTag.parseList(written)).as("tags of %s, written again", Printable.bytes(bytes))
                    .contains(list);
        });
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any Range value selects nothing, a range inside the representation, or gets 416 (RFC 9110 §14.1.2,"
            + " §15.5.17)")
    void ranges(byte[] bytes) {
        String value = text(bytes);
        for (long length : new long[] {0, 1, 1000}) {
            Optional<ByteRange> range;
            try {
                range = ByteRange.parse(value, length);
            } catch (HttpError e) {
                assertThat(e.status()).as("status for %s", Printable.bytes(bytes))
                        .isEqualTo(Status.RANGE_NOT_SATISFIABLE);
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("parsing " + Printable.bytes(bytes) + " threw " + e, e);
            }
            String described = "range of " + Printable.bytes(bytes) + " in " + length + " bytes";
            range.ifPresent(part -> {
                assertThat(part.first()).as(described).isBetween(0L, part.last());
                assertThat(part.last()).as(described).isLessThan(length);
            });
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any Accept-Encoding value gives codings named by lower-case tokens, each weighed from 0 to 1"
            + " (RFC 9110 §12.5.3, §12.4.2)")
    void acceptEncoding(byte[] bytes) {
        HeaderFields fields = new HeaderFields(List.of(new HeaderFields.Field("Accept-Encoding", text(bytes))));
        AcceptEncoding accepted = parse(bytes, () -> AcceptEncoding.of(fields));

        accepted.weights().forEach((coding, weight) -> {
            assertThat(FieldSyntax.isToken(coding)).as("coding %s of %s", coding, Printable.bytes(bytes)).isTrue();
            assertThat(coding).as("coding of %s", Printable.bytes(bytes)).isLowerCase();
            assertThat(weight).as("weight of %s in %s", coding, Printable.bytes(bytes)).isBetween(0.0, 1.0);
        });
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any Host value that is host[:port] holds only the characters of an authority, and as the authority"
            + " of an absolute-form target it never reaches the path (RFC 9110 §7.2, RFC 9112 §3.2.2)")
    void hosts(byte[] bytes) {
        String value = text(bytes);
        boolean host = parse(bytes, () -> Request.isHost(value));

        if (host) {
            assertThat(value.chars().allMatch(c -> RequestTarget.isUnreserved((char) c)
                    || RequestTarget.isSubDelim((char) c) || "%:[]".indexOf(c) >= 0))
                    .as("characters of the host %s", Printable.bytes(bytes)).isTrue();
        }
        if (value.chars().noneMatch(c -> "/?#".indexOf(c) >= 0)) {
            try {
                RequestLine line = TargetForm.originForm(new RequestLine("GET", "http://" + value + "/x", "HTTP/1.1"));
                assertThat(line.target()).as("origin-form of http://%s/x", Printable.bytes(bytes)).isEqualTo("/x");
            } catch (HttpError e) {
                assertThat(e.status()).as("status for http://%s/x", Printable.bytes(bytes))
                        .isEqualTo(Status.BAD_REQUEST);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any If-Modified-Since value is a date or none, and a date in the years 0000 to 9999 reads back from"
            + " its IMF-fixdate (RFC 9110 §5.6.7)")
    void httpDates(byte[] bytes) {
        Optional<Instant> date = parse(bytes, () -> HttpDate.parse(text(bytes)));

        date.filter(instant -> !instant.isBefore(FIRST) && !instant.isAfter(LAST)).ifPresent(instant ->
                assertThat(HttpDate.parse(HttpDate.format(instant))).as("date of %s, written again",
                        Printable.bytes(bytes)).contains(instant));
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any Content-Length and Transfer-Encoding lines frame a body the way they say, or get 400 or 501: no"
            + " body only without either field, a length only from Content-Length values that all say it, chunked only"
            + " from Transfer-Encoding: chunked alone (RFC 9112 §6.1, §6.3, RFC 9110 §8.6)")
    void framing(byte[] bytes) {
        List<String> lines = Arrays.asList(text(bytes).split("\n", -1));
        RequestBody.Framing framing;
        List<String> lengths;
        List<String> codings;
        try {
            Request request = new Request(new RequestLine("POST", "/", "HTTP/1.1"), HeaderFields.parse(lines));
            lengths = request.fields().values("Content-Length");
            codings = request.fields().values("Transfer-Encoding");
            framing = RequestBody.framing(request);
        } catch (HttpError e) {
            assertThat(e.status()).as("status for %s", Printable.bytes(bytes)).isIn(Status.BAD_REQUEST,
                    Status.NOT_IMPLEMENTED);
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("framing " + Printable.bytes(bytes) + " threw " + e, e);
        }
        String framed = "framing of " + Printable.bytes(bytes);
        switch (framing) {
            case RequestBody.None none -> assertThat(lengths.isEmpty() && codings.isEmpty()).as(framed).isTrue();
            case RequestBody.Length(long length) -> {
                assertThat(codings).as(framed).isEmpty();
                assertThat(FieldSyntax.list(lengths)).as(framed).isNotEmpty()
                        .allSatisfy(value -> assertThat(Long.parseLong(value)).isEqualTo(length));
            }
            case RequestBody.Chunked chunked -> {
                assertThat(lengths).as(framed).isEmpty();
                assertThat(FieldSyntax.list(codings)).as(framed).singleElement()
                        .satisfies(coding -> assertThat(coding).isEqualToIgnoringCase("chunked"));
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    @DisplayName("Any chunked body is read to the end of its last chunk and trailer section, which ends in CRLF CRLF, or"
            + " gets an HttpError, or runs out (RFC 9112 §7.1)")
    void chunkedBodies(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try {
            RequestBody.discard(new RequestBody.Chunked(), in, LIMITS.maxBodyBytes(), LIMITS.maxRequestBytes());
        } catch (HttpError e) {
            assertThat(e.status().code()).as("status for %s", Printable.bytes(bytes)).isBetween(400, 499);
            return;
        } catch (EOFException e) {
            // The body ended before its last chunk: the client hung up halfway through.
            return;
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("reading the chunked body " + Printable.bytes(bytes) + " threw " + e, e);
        }
        String read = text(Arrays.copyOf(bytes, bytes.length - in.available()));
        assertThat(read).as("what was read of %s", Printable.bytes(bytes)).endsWith("\r\n\r\n");
    }

    /** Header bytes are ISO-8859-1 (RFC 9110 §5.5), as HeadReader reads them: one byte, one char. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** A parser that throws nothing: any exception is a bug, reported with the input that caused it. */
    private static <T> T parse(byte[] bytes, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new AssertionError("parsing " + Printable.bytes(bytes) + " threw " + e, e);
        }
    }
}
