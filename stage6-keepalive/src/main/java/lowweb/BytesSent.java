package lowweb;

/**
 * How many bytes of a response's body have gone out so far. The access log records them (the Common Log Format's
 * bytes field), and they can be fewer than Content-Length promised: a client may leave halfway through a large file,
 * and the log should say so.
 */
final class BytesSent {

    private long count;

    void add(long bytes) {
        count += bytes;
    }

    long count() {
        return count;
    }
}
