package lowweb;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One thread that enforces the deadlines of every connection, reads and writes alike, ten times a second.
 *
 * <p>A read with a time-out is the obvious way to give up on a slow client, and on a virtual thread it is an
 * expensive one: every read that has to wait registers a timer with the scheduler, and every read that ends in time
 * cancels it again, each time waking the scheduler's timer thread. On a persistent connection nearly every request
 * waits for its first byte, so that was two thread switches per request, a third of the processor time of a small
 * response. An alarm set and cancelled around every write costs the same. Here a connection reads and writes without
 * a time-out; it only notes when its wait must end, and this watch looks at every waiting connection every
 * {@link #TICK_MILLIS} ms and stops the waits that are past their deadline, the way an event-driven server like nginx
 * keeps one timer list for all its connections. A deadline fires up to a tick late, which does not matter for
 * time-outs counted in seconds.
 */
final class Deadlines {

    static final long TICK_MILLIS = 100;

    /** Something that may wait on a socket, with a deadline for the wait. */
    interface Watched {

        /** Ends the wait under way if its deadline is before {@code nowNanos}. */
        void expireIfLate(long nowNanos);

        /** Whether the socket is closed, so there is nothing left to watch. */
        boolean isClosed();
    }

    private static final Set<Watched> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread.ofPlatform().daemon().name("deadlines").start(Deadlines::watch);
    }

    private Deadlines() {
    }

    /** Watches until the socket is closed. */
    static void watch(Watched watched) {
        WATCHED.add(watched);
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Watched watched : WATCHED) {
                if (watched.isClosed()) {
                    WATCHED.remove(watched);
                } else {
                    watched.expireIfLate(now);
                }
            }
        }
    }
}
