package dev.signozha.cluster.kube;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a lock's renewals on a daemon thread of its own (a run that exits never waits for it). Closing the
 * handle cancels the next renewal and waits for one in progress, at most one API request timeout.
 */
final class RenewalThread implements LeaseLock.Renewals {

    @Override
    public LeaseLock.Scheduled every(Duration period, Runnable renewal) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, LeaseLock.NAME + "-renewer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(renewal, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            executor.shutdown();
            try {
                executor.awaitTermination(KubeConnections.REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
