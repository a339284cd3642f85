package dev.signozha.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marks follow the output charset as Java 17 exposes it. */
class StyleTest {

    @Test
    void unicodeOutput_utf8Locale_isTrue() {
        assertTrue(Style.unicodeOutput(Map.of("native.encoding", "UTF-8", "file.encoding", "UTF-8")::get));
        assertTrue(Style.unicodeOutput(Map.of("stdout.encoding", "utf8")::get));
    }

    @Test
    void unicodeOutput_posixLocaleOrNothingKnown_isFalse() {
        // What Java 17 reports under LANG=C or an empty environment (cron, minimal CI images).
        assertFalse(Style.unicodeOutput(
                Map.of("native.encoding", "ANSI_X3.4-1968", "file.encoding", "ANSI_X3.4-1968")::get));
        assertFalse(Style.unicodeOutput(Map.<String, String>of()::get));
    }

    @Test
    void unicodeOutput_theStreamsOwnEncodingWinsOverTheLocale() {
        assertFalse(Style.unicodeOutput(Map.of("stdout.encoding", "US-ASCII", "native.encoding", "UTF-8")::get));
        assertTrue(
                Style.unicodeOutput(Map.of("sun.stdout.encoding", "UTF-8", "native.encoding", "ANSI_X3.4-1968")::get));
    }

    @Test
    void marks_asciiAndUnicode() {
        assertEquals(
                "[ok] [ERROR] [warn] [skip] ->",
                String.join(
                        " ",
                        Style.ASCII.passMark(),
                        Style.ASCII.errorMark(),
                        Style.ASCII.warnMark(),
                        Style.ASCII.skipMark(),
                        Style.ASCII.arrow()));
        assertEquals(
                "✔ × ‼ - →",
                String.join(
                        " ",
                        Style.PLAIN.passMark(),
                        Style.PLAIN.errorMark(),
                        Style.PLAIN.warnMark(),
                        Style.PLAIN.skipMark(),
                        Style.PLAIN.arrow()));
    }
}
