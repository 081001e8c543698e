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
 *
 * <p>The server starts the watch before it accepts its first connection and stops it after its last one ended.
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

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread = Thread.ofPlatform().daemon().name("deadlines").unstarted(this::watchUntilStopped);

    void start() {
        thread.start();
    }

    void stop() {
        thread.interrupt();
    }

    /** Watches until the socket is closed. */
    void watch(Watched socket) {
        watched.add(socket);
    }

    /**
     * Without the catch, one OutOfMemoryError while going through the connections, or one bug in a connection's
     * watch, would end this thread in silence, and no deadline would fire again: every slow client could then keep
     * its connection for ever. The next look comes a tick later, so a failure that lasts writes ten lines a second,
     * not thousands.
     */
    private void watchUntilStopped() {
        while (true) {
            try {
                Thread.sleep(TICK_MILLIS);
                expireLate(System.nanoTime());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | Error e) {
                System.err.println("deadlines: " + e + "; looking again in " + TICK_MILLIS + " ms");
            }
        }
    }

    /**
     * Looks at every socket once and ends the waits past their deadline. A watch that fails does not cost the
     * others their look: the first failure is thrown after all of them were looked at.
     */
    private void expireLate(long nowNanos) {
        RuntimeException failure = null;
        for (Watched socket : watched) {
            try {
                if (socket.isClosed()) {
                    watched.remove(socket);
                } else {
                    socket.expireIfLate(nowNanos);
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
