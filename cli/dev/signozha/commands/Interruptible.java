package dev.signozha.commands;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a change so that Ctrl-C or SIGTERM stops it cleanly: the shutdown hook interrupts the run, which stops helm
 * (SIGTERM, then its grace), records the interruption and releases its lock, and the JVM waits for that and for the
 * outcome to be printed before it exits.
 *
 * <p>Why the message used to be lost: the hook waited only for the run to return, while the message is printed after,
 * by the error handler; once the hook returned the JVM halted, usually before that line was written. The hook now
 * waits until {@link #reported()} says the command's outcome is out.
 */
final class Interruptible {

    /** Beyond helm's own grace: recording the run and releasing the lock, each a request or two. */
    static final Duration RECORD_AND_RELEASE = Duration.ofSeconds(30);

    /** The latch of the run in progress, counted down once its outcome is printed. */
    private static final AtomicReference<CountDownLatch> REPORTED = new AtomicReference<>();

    /** The work, which may be interrupted. */
    @FunctionalInterface
    interface Work {
        int run() throws InterruptedException;
    }

    private Interruptible() {}

    /** Runs {@code work}; on a signal, interrupts it and keeps the JVM up to {@code helmGrace} plus recording. */
    static int run(Duration helmGrace, Work work) throws InterruptedException {
        Thread runner = Thread.currentThread();
        CountDownLatch reported = new CountDownLatch(1);
        REPORTED.set(reported);
        Duration grace = helmGrace.plus(RECORD_AND_RELEASE);
        Thread hook = new Thread(
                () -> {
                    runner.interrupt();
                    try {
                        reported.await(grace.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "signoz-ha-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                reported();
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it waits until the outcome is printed (reported()).
            }
        }
    }

    /** The command's outcome is printed and flushed: a shutdown waiting for it may go on. */
    static void reported() {
        Optional.ofNullable(REPORTED.getAndSet(null)).ifPresent(CountDownLatch::countDown);
    }
}
