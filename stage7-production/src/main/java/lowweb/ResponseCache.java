package lowweb;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The answers {@link StaticFiles} found in the last second, by request-target. Finding a file costs a dozen system
 * calls (a stat for every check, a readlink for every folder on the way to the real path, then open, read and
 * close), several times what the rest of a small response costs; a busy site asks for the same few files thousands
 * of times a second.
 *
 * <p>An answer is reused while it is fresh, for one second, and then found again from scratch with every check: a
 * changed, new, removed or relinked file is served at most one second late, the same promise of freshness that
 * RFC 9111 §4.2 lets a shared cache make with {@code max-age=1}. Only files that were found are kept; a missing file
 * that appears is served at once. The cache holds at most {@link #MAX_ENTRIES} answers and {@link #MAX_BYTES} bytes
 * of file content; when a new answer does not fit, everything is dropped and the cache fills again with what is asked
 * for now. A client that asks for endless different targets ({@code /?1}, {@code /?2}, ...) can make the cache
 * useless, never wrong, and never large.
 */
final class ResponseCache {

    /** How long an answer is reused without looking at the disk. */
    static final long FRESH_NANOS = 1_000_000_000L;
    /** Files up to this size are kept in memory and sent with their head in one write. */
    static final int MAX_CONTENT_BYTES = 64 * 1024;
    private static final int MAX_ENTRIES = 1024;
    private static final long MAX_BYTES = 8 * 1024 * 1024;

    private record Entry(Response response, long storedNanos, long bytes) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The bytes of content held; approximate while two threads clear and add at once, enough for a bound. */
    private final AtomicLong bytes = new AtomicLong();

    /** The answer for this request-target if one was found less than a second ago, else null. */
    Response get(String target) {
        Entry entry = entries.get(target);
        if (entry == null || System.nanoTime() - entry.storedNanos() >= FRESH_NANOS) {
            return null;
        }
        return entry.response();
    }

    /** Keeps a response that was just found, and returns it. */
    Response put(String target, Response response) {
        long size = response.body() == null ? 0 : response.body().length;
        if (entries.size() >= MAX_ENTRIES || bytes.get() + size > MAX_BYTES) {
            entries.clear();
            bytes.set(0);
        }
        Entry old = entries.put(target, new Entry(response, System.nanoTime(), size));
        bytes.addAndGet(size - (old == null ? 0 : old.bytes()));
        return response;
    }
}
