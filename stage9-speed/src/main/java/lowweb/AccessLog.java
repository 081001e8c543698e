package lowweb;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The access log: one line per request in the Common Log Format that web servers have written since NCSA httpd, so
 * that log analysers read it without being told anything:
 *
 * <pre>127.0.0.1 - - [22/Nov/2026:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 1234</pre>
 *
 * <p>Many connections log at once, so every line is written whole under one lock. Lines collect in a buffer and reach
 * the disk when it is full, every second and at shutdown: a write to the disk for every request would make every
 * response wait for the disk.
 */
final class AccessLog implements Closeable {

    /** The pattern {@code dd/MMM/yyyy:HH:mm:ss Z}, with the month names of {@link HttpDate}. */
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("dd/")
            .appendText(ChronoField.MONTH_OF_YEAR, HttpDate.MONTH_NAMES)
            .appendPattern("/yyyy:HH:mm:ss Z")
            .toFormatter(Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int BUFFER_CHARS = 64 * 1024;
    private static final long FLUSH_EVERY_MILLIS = 1_000;

    /** A lock rather than {@code synchronized}: on Java 21 a virtual thread that blocks inside one pins its carrier. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Writer out;
    private final Thread flusher;
    /** The time of a line: many lines share a second, and formatting is slow. */
    private final OncePerSecond stamp = new OncePerSecond(TIME::format);

    private AccessLog(Writer out) {
        this.out = out;
        this.flusher = Thread.ofPlatform().daemon().name("access-log-flusher").start(this::flushEverySecond);
    }

    /** Opens the log for appending, creating the file and its folders when they are missing. */
    static AccessLog open(Path file) throws IOException {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // Every byte of a line is ASCII (see escape), so the charset never changes what is written.
            return new AccessLog(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), BUFFER_CHARS));
        } catch (IOException e) {
            throw new IOException("cannot open the access log " + file + ": " + e, e);
        }
    }

    /**
     * Records one request.
     *
     * @param client      who sent it
     * @param received    when its connection was accepted
     * @param requestLine the request line as received, or null when none arrived whole
     * @param status      the status sent
     * @param bodyBytes   the bytes of the body sent; none is written as {@code -}
     */
    void record(InetAddress client, Instant received, String requestLine, Status status, long bodyBytes) {
        String line = client.getHostAddress() + " - - [" + stamp.format(received) + "] \""
                + (requestLine == null ? "-" : escape(requestLine)) + "\" " + status.code() + " "
                + (bodyBytes == 0 ? "-" : Long.toString(bodyBytes)) + "\n";
        // If the disk is full, the site must not go down with it: the response has been sent, only its line is lost.
        whileLocked(() -> out.write(line));
    }

    /**
     * The request line is whatever the client sent, and a log line is read by people and by programs. A quote would
     * end the field early, a line break would forge a whole line, and terminal control codes would act on the screen
     * of whoever reads the log; so those bytes, the backslash that starts an escape, and every byte beyond ASCII are
     * written as {@code \xHH}, as nginx does.
     */
    static String escape(String requestLine) {
        if (requestLine.chars().noneMatch(AccessLog::needsEscape)) {
            return requestLine;
        }
        StringBuilder escaped = new StringBuilder(requestLine.length());
        for (char c : requestLine.toCharArray()) {
            if (needsEscape(c)) {
                escaped.append(String.format("\\x%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || c >= 0x7F || c == '"' || c == '\\';
    }

    private void flushEverySecond() {
        try {
            while (true) {
                Thread.sleep(FLUSH_EVERY_MILLIS);
                flush();
            }
        } catch (InterruptedException e) {
            // Closing: close() flushes one last time.
        }
    }

    private void flush() {
        whileLocked(out::flush);
    }

    @Override
    public void close() {
        flusher.interrupt();
        whileLocked(out::close);
    }

    /** Runs one step on the file, with no other line in between, and reports a failure without passing it on. */
    private void whileLocked(FileStep step) {
        lock.lock();
        try {
            step.run();
        } catch (IOException e) {
            System.err.println("access log: " + e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    private interface FileStep {
        void run() throws IOException;
    }
}
