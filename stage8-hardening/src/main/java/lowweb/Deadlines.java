package lowweb;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The alarms that end the writes of every connection that wait too long: one thread that runs each alarm when its
 * time comes. A write sets an alarm before it starts and cancels it when it returns; an alarm that goes off closes the
 * socket, and the waiting write ends with an exception ({@link DeadlineOutput}).
 *
 * <p>Reads need no alarm: a socket read has a time-out of its own ({@link DeadlineInput}). A write has none in Java,
 * so something else must be awake to stop it. The server starts the alarms before it accepts its first connection
 * and stops them after its last one ended.
 */
final class Deadlines {

    private final ScheduledThreadPoolExecutor alarms =
            new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().daemon().name("deadlines").factory());

    Deadlines() {
        // Nearly every alarm is cancelled long before it would go off; kept in the queue, the cancelled ones of a
        // busy minute would fill the heap.
        alarms.setRemoveOnCancelPolicy(true);
    }

    /** Starts the alarms' thread now, so that a server that cannot start one fails before it serves anyone. */
    void start() {
        alarms.prestartCoreThread();
    }

    void stop() {
        alarms.shutdownNow();
    }

    /** Runs {@code alarm} once {@code time} has passed, unless the returned future is cancelled before. */
    Future<?> after(Duration time, Runnable alarm) {
        return alarms.schedule(alarm, time.toNanos(), TimeUnit.NANOSECONDS);
    }
}
