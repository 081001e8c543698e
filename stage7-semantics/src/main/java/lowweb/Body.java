package lowweb;

import java.nio.channels.FileChannel;

/**
 * The bytes that follow a response's head: made by the server in memory, a region of a file that was opened before
 * anything was sent, or nothing at all.
 */
sealed interface Body {

    /** How many bytes the body has. */
    long length();

    /** Bytes in memory, such as a page the server writes itself. */
    record Bytes(byte[] bytes) implements Body {

        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * {@code length} bytes of an open file from {@code offset} on: the whole file, or the part a range asks for.
     * Whoever sends them closes the file; a response that is not sent after all gives it back with
     * {@link Response#discard}.
     */
    record FileRegion(FileChannel file, long offset, long length) implements Body {
    }

    /** No content at all, not even an empty one, as in 304 Not Modified (RFC 9110 §15.4.5): no Content-Length. */
    record None() implements Body {

        @Override
        public long length() {
            return 0;
        }
    }
}
