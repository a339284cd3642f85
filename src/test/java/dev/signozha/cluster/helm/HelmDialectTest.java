package dev.signozha.cluster.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which helm versions signoz-ha reads, and which have the dry-run modes it needs. */
class HelmDialectTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "v3.18.0+gcc58e3f, v3.18.0, 3, 18, true",
        "v3.13.0+g825e86f, v3.13.0, 3, 13, true",
        "v3.12.3+g3a31588, v3.12.3, 3, 12, false",
        "v4.1.4+g05fa379,  v4.1.4,  4, 1,  true",
        "v4.0.0-rc.1+gabc, v4.0.0,  4, 0,  true"
    })
    void parse_helmVersionShort_readsMajorMinorAndDryRunModes(
            String output, String version, int major, int minor, boolean modes) {
        HelmDialect dialect = HelmDialect.parse(output + "\n");

        assertEquals(new HelmDialect(version, major, minor), dialect);
        assertEquals(modes, dialect.hasDryRunModes());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Client: v2.16.12+g47f0b88 | helm v2.16.12 is not supported (signoz-ha deploy needs Helm 3.13+ or 4)",
                "command not understood     | cannot read helm's version from 'command not understood' (signoz-ha deploy needs Helm 3.13+ or 4)"
            })
    void parse_unsupportedOrUnreadable_isBadInput(String output, String message) {
        SignozHaException e = assertThrows(SignozHaException.class, () -> HelmDialect.parse(output));

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(message, e.getMessage());
    }
}
