package lowweb.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Length and SHA-256 of a body or a file, in one short line: two large bodies compare at a glance, and a failure
 * message does not print megabytes.
 */
final class Fingerprints {

    private Fingerprints() {
    }

    /** The fingerprint of some bytes. */
    static String fingerprint(byte[] bytes) {
        MessageDigest digest = sha256();
        digest.update(bytes);
        return fingerprint(bytes.length, digest);
    }

    /** The fingerprint of a file, read in pieces: a file of many megabytes never has to be in memory whole. */
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

    private static String fingerprint(long length, MessageDigest digest) {
        return length + " bytes, SHA-256 " + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Takes a body that passes through it and keeps only its fingerprint, in the form of
     * {@link #fingerprint(Path)}: a body of hundreds of megabytes costs no memory.
     */
    static final class BodyFingerprint extends OutputStream {

        private final MessageDigest digest = sha256();
        private long length;

        @Override
        public void write(int b) {
            digest.update((byte) b);
            length++;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            digest.update(bytes, offset, count);
            length += count;
        }

        /** The fingerprint of what was written; call once, after the whole body. */
        String fingerprint() {
            return Fingerprints.fingerprint(length, digest);
        }
    }
}
