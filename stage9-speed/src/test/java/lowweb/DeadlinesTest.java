package lowweb;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one thread that enforces every connection's deadlines must outlive anything that goes wrong while it looks at
 * them: if it ended, no time-out would fire again and every slow client could keep its connection for ever. No client
 * can make the server run out of memory on cue, so this runs the watch itself, with sockets that fail on purpose.
 */
@Tag("unit")
@Timeout(10)
@DisplayName("Deadlines: a failure while watching is logged in one line, and the watch goes on")
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    private PrintStream standardError;

    @BeforeEach
    void captureErrors() {
        standardError = System.err;
        System.setErr(new PrintStream(errors, true, UTF_8));
    }

    @AfterEach
    void stopAndRestore() {
        deadlines.stop();
        System.setErr(standardError);
    }

    @Test
    @DisplayName("A RuntimeException from one connection's watch: the watch goes on and a late deadline still fires")
    void runtimeException() throws InterruptedException {
        assertWatchSurvives(new FailsOnce(() -> {
            throw new IllegalStateException("a bug in one connection's watch");
        }));

        assertThat(errors.toString(UTF_8)).as("the log").hasLineCount(1)
                .startsWith("deadlines: java.lang.IllegalStateException: a bug in one connection's watch");
    }

    @Test
    @DisplayName("An OutOfMemoryError while going through the connections: the watch goes on and a late deadline"
            + " still fires")
    void outOfMemory() throws InterruptedException {
        assertWatchSurvives(new FailsOnce(() -> {
            throw new OutOfMemoryError("no memory left while watching");
        }));

        assertThat(errors.toString(UTF_8)).as("the log").hasLineCount(1)
                .startsWith("deadlines: java.lang.OutOfMemoryError: no memory left while watching");
    }

    /** The failing socket fails once; then a socket watched from then on still has its late wait ended. */
    private void assertWatchSurvives(FailsOnce failing) throws InterruptedException {
        deadlines.watch(failing);
        deadlines.start();
        assertThat(failing.failed.await(5, TimeUnit.SECONDS)).as("the failing socket was looked at").isTrue();

        Late late = new Late();
        deadlines.watch(late);

        assertThat(late.expired.await(5, TimeUnit.SECONDS)).as("a late wait ended after the failure").isTrue();
        // The late socket may come before the failing one in the same round: the next look may still be on its way.
        assertThat(failing.lookedAgain.await(5, TimeUnit.SECONDS)).as("the failing socket looked at again").isTrue();
    }

    /** A socket whose watch fails on the first look and works from then on. */
    private static final class FailsOnce implements Deadlines.Watched {

        private final Runnable failure;
        private final AtomicInteger looks = new AtomicInteger();
        private final CountDownLatch failed = new CountDownLatch(1);
        private final CountDownLatch lookedAgain = new CountDownLatch(1);

        /** @param failure throws what the first look throws */
        FailsOnce(Runnable failure) {
            this.failure = failure;
        }

        /** Asked of every socket at every look, so a failure here is one in the middle of going through them. */
        @Override
        public boolean isClosed() {
            if (looks.incrementAndGet() == 1) {
                failed.countDown();
                failure.run();
            }
            lookedAgain.countDown();
            return false;
        }

        @Override
        public void expireIfLate(long nowNanos) {
        }
    }

    /** A socket with a wait whose deadline has passed. */
    private static final class Late implements Deadlines.Watched {

        private final CountDownLatch expired = new CountDownLatch(1);

        @Override
        public void expireIfLate(long nowNanos) {
            expired.countDown();
        }

        @Override
        public boolean isClosed() {
            return false;
        }
    }
}
