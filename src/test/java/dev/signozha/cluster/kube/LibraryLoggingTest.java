package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import org.junit.jupiter.api.Test;

/** Every cluster session silences the libraries' own logging first (KubeConnections.session). */
class LibraryLoggingTest {

    @Test
    void silence_leavesNoVertxWarningOnStderr() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        StreamHandler console = new StreamHandler(stderr, new SimpleFormatter());
        Logger.getLogger("").addHandler(console);
        try {
            LibraryLogging.silence();
            io.vertx.core.impl.logging.LoggerFactory.getLogger("io.vertx.core.impl.btc.BlockedThreadChecker")
                    .warn(
                            "Thread Thread[vert.x-eventloop-thread-1,5,main] has been blocked for 2417 ms, time limit is 2000 ms");
        } finally {
            console.flush();
            Logger.getLogger("").removeHandler(console);
        }
        assertEquals("", stderr.toString(StandardCharsets.UTF_8));
    }
}
