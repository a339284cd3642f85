package dev.signozha.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    void lines_arePrefixed_soTheyCannotBeMistakenForProgressOrFindings() {
        StringWriter err = new StringWriter();
        Trace.to(new PrintWriter(err)).line("k8s GET /api/v1/nodes → 200 (3 ms)");
        assertEquals("trace: k8s GET /api/v1/nodes → 200 (3 ms)" + System.lineSeparator(), err.toString());
    }

    @Test
    void durations_readAsMillisecondsUnderASecond_elseSecondsWithOneDecimal() {
        assertEquals("0 ms", Trace.took(Duration.ZERO));
        assertEquals("999 ms", Trace.took(Duration.ofMillis(999)));
        assertEquals("1.0 s", Trace.took(Duration.ofMillis(1000)));
        assertEquals("12.3 s", Trace.took(Duration.ofMillis(12_345)));
    }
}
