package dev.signozha.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** helm's --timeout takes Go durations; these are the forms Go's time.ParseDuration accepts. */
class GoDurationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"PT10M, 10m", "PT90S, 1m30s", "PT1H, 1h", "PT1H1M1S, 1h1m1s", "PT1.5S, 1500ms", "PT0.000000001S, 1ms"})
    void format_duration_isGoSyntax(Duration duration, String expected) {
        assertEquals(expected, GoDuration.format(duration));
    }

    @Test
    void format_zero_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.format(Duration.ZERO));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"10m, PT10M", "300s, PT5M", "1h30m, PT1H30M", "1500ms, PT1.5S"})
    void parse_goForms_readsEveryUnit(String text, Duration expected) {
        assertEquals(Optional.of(expected), GoDuration.parse(text));
    }

    @Test
    void parse_notADuration_isEmpty() {
        assertEquals(Optional.empty(), GoDuration.parse("ten minutes"));
        assertEquals(Optional.empty(), GoDuration.parse("10"));
    }
}
