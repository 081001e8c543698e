package lowweb;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One thread that enforces the read deadline of every connection, ten times a second.
 *
 * <p>A read with a time-out is the obvious way to give up on a slow client, and on a virtual thread it is an
 * expensive one: every read that has to wait registers a timer with the scheduler, and every read that ends in time
 * cancels it again, each time waking the scheduler's timer thread. On a persistent connection nearly every request
 * waits for its first byte, so that was two thread switches per request, a third of the processor time of a small
 * response. Here a connection waits without a time-out, and this watch looks at every waiting connection every
 * {@link #TICK_MILLIS} ms and stops the reads that are past their deadline, the way an event-driven server like
 * nginx keeps one timer list for all its connections. A deadline fires up to a tick late, which does not matter for
 * time-outs counted in seconds.
 */
final class ReadDeadlines {

    static final long TICK_MILLIS = 100;

    private static final Set<DeadlineInput> WATCHED = ConcurrentHashMap.newKeySet();

    static {
        Thread.ofPlatform().daemon().name("read-deadlines").start(ReadDeadlines::watch);
    }

    private ReadDeadlines() {
    }

    /** Watches the input until its socket is closed. */
    static void watch(DeadlineInput input) {
        WATCHED.add(input);
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (DeadlineInput input : WATCHED) {
                if (input.isClosed()) {
                    WATCHED.remove(input);
                    continue;
                }
                try {
                    input.expireIfLate(now);
                } catch (IOException e) {
                    // The connection broke on its own; its thread hears about it from its next read.
                }
            }
        }
    }
}
