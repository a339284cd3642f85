package dev.signozha.core.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DsnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tcp://signoz-clickhouse:9000/?username=admin&password=x | signoz-clickhouse:9000 | native",
                "tcp://admin:s3cret@ch.platform.svc.cluster.local:9440/signoz_traces | ch.platform.svc.cluster.local:9440 | native",
                "tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@ch.platform:9000 | ch.platform:9000 | native",
                "clickhouse://ch.platform.svc:9000?dial_timeout=10s | ch.platform.svc:9000 | native",
                "CLICKHOUSE://ch:9001 | ch:9001 | native",
                "clickhouse://ch | ch:9000 | native",
                "http://ch:8123/?user=admin | ch:8123 | http",
                "https://ch.example.com | ch.example.com:8443 | http",
                "http://ch | ch:8123 | http",
                "jdbc:clickhouse://ch:8123/default | ch:8123 | native",
                "tcp://a:9000,b.platform:9001/?x=1 | a:9000 b.platform:9001 | native",
                "signoz-clickhouse:9000/?database=signoz_traces | signoz-clickhouse:9000 | native",
                "tcp://ch | ch:9000 | native",
                "tcp://[fd00::7]:9000 | fd00::7:9000 | native",
                "tcp://[fd00::7] | fd00::7:9000 | native",
                "tcp://u:p@ss@ch:9000/db | ch:9000 | native",
                "tcp://10.0.0.7:65535 | 10.0.0.7:65535 | native",
                "tcp://ch:1 | ch:1 | native"
            })
    void parse_readsHostsPortsAndProtocol(String value, String hosts, String protocol) {
        Dsn.Result result = Dsn.parse(value);
        assertTrue(result.readable(), result.unreadable());
        assertEquals(
                List.of(hosts.split(" ")),
                result.hosts().stream().map(h -> h.host() + ":" + h.port()).toList());
        assertEquals(protocol, result.protocol());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "postgres://pg:5432/db | scheme postgres:// is not a ClickHouse protocol signoz-ha knows",
                "tcp://$(CH_HOST):9000 | the host depends on a variable that has no value here",
                "tcp://${env:CH_HOST}:9000 | the host depends on a variable that has no value here",
                "tcp://:9000 | \":9000\" is not a host[:port]",
                "tcp://ch:0 | \"ch:0\" is not a host[:port]",
                "tcp://ch:65536 | \"ch:65536\" is not a host[:port]",
                "tcp://ch:90a0 | \"ch:90a0\" is not a host[:port]",
                "tcp://ch:123456 | \"ch:123456\" is not a host[:port]",
                "tcp://a:9000,/db | \"\" is not a host[:port]",
                "tcp://-ch:9000 | \"-ch:9000\" is not a host[:port]",
                "tcp://ch_1:9000 | \"ch_1:9000\" is not a host[:port]",
                "tcp://[fd00::7]:x | \"[fd00::7]:x\" is not a host[:port]",
                "tcp:///db | no host",
                "tcp://user:pw@/db | no host"
            })
    void parse_unreadableValues_sayWhy(String value, String reason) {
        Dsn.Result result = Dsn.parse(value);
        assertFalse(result.readable());
        assertEquals(reason, result.unreadable());
        assertEquals(List.of(), result.hosts());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "tcp://admin:s3cret@ch:9000/db | tcp://ch:9000/db",
                "tcp://ch:9000/?username=admin&password=s3cret | tcp://ch:9000/?username=admin&password=<redacted>",
                "tcp://ch:9000/?PASSWORD=s3cret&x=1 | tcp://ch:9000/?PASSWORD=<redacted>&x=1",
                "tcp://ch:9000/?pwd=s3cret | tcp://ch:9000/?pwd=<redacted>",
                "admin:s3cret@ch:9000 | ch:9000",
                "postgres://admin:s3cret@pg/db?pass=s3cret | postgres://pg/db?pass=<redacted>",
                "tcp://ch:9000 | tcp://ch:9000"
            })
    void shown_dropsUserInformationAndPasswords(String value, String shown) {
        assertEquals(shown, Dsn.shown(value));
        assertFalse(Dsn.shown(value).contains("s3cret"));
    }
}
