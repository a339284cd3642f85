package dev.signozha.core.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The kubelet's $(VAR) rules (k8s.io/kubernetes third_party/forked/golang/expansion). */
class KubeletExpansionTest {

    private static final Map<String, String> ENV = Map.of("HOST", "ch", "PORT", "9000", "EMPTY", "");

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "tcp://$(HOST):$(PORT) | tcp://ch:9000",
                "$(HOST)$(HOST) | chch",
                "$$(HOST) | $(HOST)",
                "$$$(HOST) | $ch",
                "a$$b | a$b",
                "$(UNDEFINED) | $(UNDEFINED)",
                "x$(EMPTY)y | xy",
                "$(HOST | $(HOST",
                "$HOST | $HOST",
                "cost $ | cost $",
                "$ | $",
                "no references | no references"
            })
    void expand_followsTheKubelet(String input, String expanded) {
        assertEquals(expanded, KubeletExpansion.expand(input, ENV));
    }

    @Test
    void expand_nullAndEmpty() {
        assertNull(KubeletExpansion.expand(null, ENV));
        assertEquals("", KubeletExpansion.expand("", ENV));
    }
}
