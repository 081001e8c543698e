package lowweb;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The files {@link StaticFiles} found in the last second, by request-target and Accept-Encoding. Finding a file costs
 * a dozen system calls (a stat for every check, a readlink for every folder on the way to the real path, a look for
 * compressed copies, then open, read and close), several times what the rest of a small response costs; a busy site
 * is asked for the same few files thousands of times a second.
 *
 * <p>What is kept is the {@link Representation}: the file chosen, with its validators and, for a small file, its
 * bytes. Everything that depends on the rest of the request (a 304, a range) is still decided for each request. The
 * key holds Accept-Encoding as the client wrote it, because it decides between a file and its compressed copies.
 *
 * <p>A representation is reused while it is fresh, for one second, and then found again from scratch with every
 * check: a changed, new, removed or relinked file is served at most one second late, the same promise of freshness
 * that RFC 9111 §4.2 lets a shared cache make with {@code max-age=1}. Only files that were found are kept; a missing
 * file that appears is served at once. The cache holds at most {@link #MAX_ENTRIES} representations and
 * {@link #MAX_BYTES} bytes of file content; when a new one does not fit, everything is dropped and the cache fills
 * again with what is asked for now. A client that asks for endless different targets ({@code /?1}, {@code /?2}, ...)
 * can make the cache useless, never wrong, and never large.
 */
final class RepresentationCache {

    /** How long a representation is reused without looking at the disk. */
    static final long FRESH_NANOS = 1_000_000_000L;
    private static final int MAX_ENTRIES = 1024;
    private static final long MAX_BYTES = 8 * 1024 * 1024;

    private record Entry(Representation representation, long storedNanos, long bytes) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** The bytes of content held; approximate while two threads clear and add at once, enough for a bound. */
    private final AtomicLong bytes = new AtomicLong();

    /** What a request with this target and Accept-Encoding may share with others. */
    static String key(Request request) {
        return request.line().target() + "\n" + String.join(", ", request.fields().values("Accept-Encoding"));
    }

    /** The representation for this key if it was found less than a second ago, else null. */
    Representation get(String key) {
        Entry entry = entries.get(key);
        if (entry == null || System.nanoTime() - entry.storedNanos() >= FRESH_NANOS) {
            return null;
        }
        return entry.representation();
    }

    /** Keeps a representation that was just found, and returns it. */
    Representation put(String key, Representation representation) {
        long size = representation.content() == null ? 0 : representation.content().length;
        if (entries.size() >= MAX_ENTRIES || bytes.get() + size > MAX_BYTES) {
            entries.clear();
            bytes.set(0);
        }
        Entry old = entries.put(key, new Entry(representation, System.nanoTime(), size));
        bytes.addAndGet(size - (old == null ? 0 : old.bytes()));
        return representation;
    }
}
