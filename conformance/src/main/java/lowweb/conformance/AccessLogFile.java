package lowweb.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access log a stage-5 server writes, read the way a log analyser reads it: one line per request in the Common
 * Log Format, {@code 127.0.0.1 - - [22/Nov/2026:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 1234}. The server
 * flushes its lines at least once a second, so a test waits for the lines it expects rather than reading once.
 */
final class AccessLogFile {

    /**
     * Where the tests' servers write their access log, relative to the settings file's folder: the {@code accessLog}
     * of {@link SettingsFiles#startedWithLog}.
     */
    static final String ACCESS_LOG = "logs/access.log";
    /**
     * A whole line and nothing else. The time is UTC with an English month; inside the quotes stand only printable
     * ASCII other than {@code "} and {@code \}, and {@code \xHH} escapes with upper-case hex, so no request line can
     * end the field early or start a line of its own.
     */
    private static final Pattern LINE = Pattern.compile(
            "(?<client>\\S+) - - \\[(?<time>\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000)]"
                    + " \"(?<request>(?:[ !#-\\[\\]-~]|\\\\x[0-9A-F]{2})*)\" (?<status>\\d{3}) (?<bytes>[1-9]\\d*|-)");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss xx", Locale.ENGLISH);
    /** The server flushes every second; the rest is room for a busy machine. */
    private static final Duration FLUSH_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL_PAUSE = Duration.ofMillis(50);

    /**
     * One line of the log.
     *
     * @param client  the client's IP address
     * @param time    when the request came, to the second
     * @param request the request line as the log shows it, escapes and all, or {@code -} when none arrived whole
     * @param status  the status code sent
     * @param bytes   the number of body bytes sent, or {@code -} for none
     */
    record Line(String client, Instant time, String request, int status, String bytes) {

        /** Request, status and bytes, as a test compares them: {@code GET /a.txt HTTP/1.1 200 6}. */
        String outcome() {
            return request + " " + status + " " + bytes;
        }
    }

    private final Path file;

    AccessLogFile(Path file) {
        this.file = file;
    }

    /** The access log of a server from {@link SettingsFiles#startedWithLog} with settings in {@code dir}. */
    static AccessLogFile accessLog(Path dir) {
        return new AccessLogFile(dir.resolve(ACCESS_LOG));
    }

    /**
     * Waits until the log holds at least {@code count} whole lines, then returns every line there is, each checked
     * against the format. Fails when fewer lines come within a few seconds, or when a line is malformed.
     */
    List<Line> awaitLines(int count) {
        long deadline = System.nanoTime() + FLUSH_WAIT.toNanos();
        String text = read();
        while (completeLines(text) < count && System.nanoTime() < deadline) {
            pause();
            text = read();
        }
        if (completeLines(text) < count) {
            throw new AssertionError("the access log " + file + " holds " + completeLines(text) + " whole lines after "
                    + FLUSH_WAIT.toSeconds() + " s, expected at least " + count + shown(text));
        }
        return parse(text);
    }

    /** Every line the log holds now: for a server that has exited, which flushes what it had. */
    List<Line> lines() {
        return parse(read());
    }

    private List<Line> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the access log " + file + " ends in the middle of a line" + shown(text));
        }
        List<Line> lines = new ArrayList<>();
        // Lines end with LF alone: a CR is a byte the server should have escaped, not a line break.
        for (String line : text.isEmpty() ? new String[0] : text.split("\n")) {
            Matcher matcher = LINE.matcher(line);
            if (!matcher.matches()) {
                throw new AssertionError("not a Common Log Format line: \"" + Bytes.escape(Bytes.ascii(line))
                        + "\"\nexpected like: 127.0.0.1 - - [22/Nov/2026:13:55:36 +0000] \"GET /index.html HTTP/1.1\""
                        + " 200 1234" + shown(text));
            }
            lines.add(new Line(matcher.group("client"),
                    OffsetDateTime.parse(matcher.group("time"), TIME).toInstant(),
                    matcher.group("request"),
                    Integer.parseInt(matcher.group("status")),
                    matcher.group("bytes")));
        }
        return lines;
    }

    /** The bytes of the file as ISO-8859-1, so that a byte the server should have escaped shows as itself. */
    private String read() {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long completeLines(String text) {
        return text.chars().filter(c -> c == '\n').count();
    }

    private String shown(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        String start = String.join("\n", lines.subList(0, Math.min(lines.size(), 20)));
        return "\n--- " + file + (text.isEmpty() ? " (empty or missing)" : ":\n" + Bytes.escape(Bytes.ascii(start)));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the access log");
        }
    }
}
