package lowweb;

import java.nio.channels.FileChannel;

/**
 * The bytes that follow a response's head: bytes in memory, a region of a file that was opened before anything was
 * sent, or nothing at all.
 */
sealed interface Body {

    /** How many bytes the body has. */
    long length();

    /**
     * {@code count} bytes in memory from {@code offset} on: a page the server writes itself, a small file held in
     * memory, or the part of one that a range asks for. The array is never changed, so responses can share it.
     */
    record Bytes(byte[] bytes, int offset, int count) implements Body {

        /** All of the bytes. */
        Bytes(byte[] bytes) {
            this(bytes, 0, bytes.length);
        }

        @Override
        public long length() {
            return count;
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
