package dev.signozha.cluster.helm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads one output stream of a process on its own thread, so that a process filling one pipe
 * while the other is not read can never block (and block us).
 */
final class StreamDrain {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final Thread thread;

    private StreamDrain(InputStream in, String name) {
        thread = new Thread(() -> copy(in), name);
        thread.setDaemon(true);
    }

    static StreamDrain start(InputStream in, String name) {
        StreamDrain drain = new StreamDrain(in, name);
        drain.thread.start();
        return drain;
    }

    /**
     * What was read, once the stream ended or {@code wait} passed: a grandchild that kept the pipe
     * open must not hold us forever.
     */
    String text(Duration wait) throws InterruptedException {
        thread.join(Math.max(1, wait.toMillis()));
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private void copy(InputStream in) {
        byte[] chunk = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            // The process was stopped and its pipe closed: keep what was read.
        }
    }
}
