package dev.signozha.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void logLines_areTimestampedOnePerChange() {
        StringWriter out = new StringWriter();
        Progress progress = Progress.log(
                new PrintWriter(out, true), Clock.fixed(Instant.parse("2026-11-21T03:05:50.412Z"), ZoneOffset.UTC));
        progress.update(
                4,
                8,
                DeployPhase.CLICKHOUSE,
                "3/4 hosts ready",
                Duration.ofSeconds(130).plusMillis(700));
        progress.finish(4, 8, DeployPhase.CLICKHOUSE, "4/4 hosts ready", Duration.ofSeconds(142));
        assertEquals(
                "2026-11-21T03:05:50Z [4/8] clickhouse: 3/4 hosts ready (2m10s)\n"
                        + "2026-11-21T03:05:50Z [4/8] clickhouse: 4/4 hosts ready (2m22s)\n",
                out.toString());
    }

    @Test
    void terminal_rewritesTheLiveLineInPlace_andKeepsItWhenThePhaseEnds() {
        StringWriter out = new StringWriter();
        Progress progress = Progress.terminal(new PrintWriter(out, true));
        progress.update(3, 8, DeployPhase.ZOOKEEPER, "1/3 ready", Duration.ofMillis(400));
        progress.update(3, 8, DeployPhase.ZOOKEEPER, "2/3 ready", Duration.ofSeconds(5));
        progress.finish(3, 8, DeployPhase.ZOOKEEPER, "3/3 ready", Duration.ofSeconds(9));
        assertEquals(
                "\\r\\033[K[3/8] zookeeper: 1/3 ready (0s)\\r\\033[K[3/8] zookeeper: 2/3 ready (5s)"
                        + "\\r\\033[K[3/8] zookeeper: 3/3 ready (9s)\\n",
                out.toString().replace("\r", "\\r").replace("\033", "\\033").replace("\n", "\\n"));
    }
}
