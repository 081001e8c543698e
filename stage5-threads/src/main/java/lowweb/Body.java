package lowweb;

import java.nio.channels.FileChannel;

/**
 * The bytes that follow a response's head: made by the server in memory, or read from a file that was opened before
 * anything was sent.
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
     * {@code length} bytes of an open file from {@code offset} on. Whoever sends them closes the file; a response
     * that is not sent after all gives it back with {@link Response#discard}.
     */
    record FileRegion(FileChannel file, long offset, long length) implements Body {
    }
}
