package lowweb.conformance;

import static lowweb.conformance.Stage4Fixtures.startedWithSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * What the stage-5 tests need besides a settings file: a server whose access log goes to the test's own folder,
 * clients that stop halfway through their request head, large files, and a way to compare large bodies.
 */
final class Stage5Fixtures {

    /** Where the tests' servers write their access log, relative to the settings file's folder. */
    static final String ACCESS_LOG = "logs/access.log";
    /** What a {@link #halfHead} client sends to finish its head: the empty line is what it held back. */
    private static final String REST_OF_HEAD = "Connection: close\r\n\r\n";

    private Stage5Fixtures() {
    }

    /**
     * A server with the settings of {@link Stage4Fixtures#settingsServing}, its access log at {@value #ACCESS_LOG}
     * in {@code dir}, and the other members as given.
     */
    static TestServer startedWithLog(Servers servers, Path dir, Path root, String... members) {
        List<String> all = new ArrayList<>(List.of("\"accessLog\": \"" + ACCESS_LOG + "\""));
        all.addAll(List.of(members));
        return startedWithSettings(servers, dir, root, all.toArray(String[]::new));
    }

    /** The access log of a server from {@link #startedWithLog} with settings in {@code dir}. */
    static AccessLogFile accessLog(Path dir) {
        return new AccessLogFile(dir.resolve(ACCESS_LOG));
    }

    /**
     * A connection that has sent the request line of {@code GET /hello.txt} and its Host field, and then waits: the
     * empty line that ends the head never came, so the server has no request to answer yet.
     */
    static RawConnection halfHead(TestServer server) {
        RawConnection connection = server.raw().open();
        connection.write(startOfHead(server));
        return connection;
    }

    /** The request line of {@code GET /hello.txt} and its Host field: a head without the empty line that ends it. */
    static String startOfHead(TestServer server) {
        return "GET /hello.txt HTTP/1.1\r\nHost: " + server.authority() + "\r\n";
    }

    /** Sends the rest of a {@link #halfHead} and reads the response. */
    static WireResponse finishHead(RawConnection connection) {
        connection.write(REST_OF_HEAD);
        return connection.readResponse();
    }

    /** Writes {@code size} bytes that never repeat a short pattern, so a lost or doubled block cannot go unseen. */
    static Path largeFile(Path file, long size) {
        Random random = new Random(size);
        byte[] block = new byte[1 << 20];
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < size; written += block.length) {
                    random.nextBytes(block);
                    out.write(block, 0, (int) Math.min(block.length, size - written));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Length and SHA-256 of some bytes: two bodies compare in one short line, whatever their size. */
    static String fingerprint(byte[] bytes) {
        MessageDigest digest = sha256();
        digest.update(bytes);
        return fingerprint(bytes.length, digest);
    }

    /** Length and SHA-256 of a file, read in pieces: a file of many megabytes never has to be in memory whole. */
    static String fingerprint(Path file) {
        MessageDigest digest = sha256();
        long length = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int count; (count = in.read(buffer)) > 0; length += count) {
                digest.update(buffer, 0, count);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fingerprint(length, digest);
    }

    static String fingerprint(long length, MessageDigest digest) {
        return length + " bytes, SHA-256 " + HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
