package dev.signozha.commands;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a change so that Ctrl-C or SIGTERM stops it cleanly: the shutdown hook interrupts the run, which records
 * the interruption and releases its lock, and the JVM waits up to {@link #GRACE} for that before it exits.
 */
final class Interruptible {

    static final Duration GRACE = Duration.ofSeconds(20);

    /** The work, which may be interrupted. */
    @FunctionalInterface
    interface Work {
        int run() throws InterruptedException;
    }

    private Interruptible() {
    }

    static int run(Work work) throws InterruptedException {
        Thread runner = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runner.interrupt();
            try {
                finished.await(GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "signoz-ha-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it only waits for the latch just counted down.
            }
        }
    }
}
