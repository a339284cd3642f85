package dev.signozha.core.topology;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.support.CliRun;
import dev.signozha.support.HostileYaml;
import dev.signozha.support.Project;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a topology file can be wrong, run through the real command line: each must end in exit 2
 * with nothing on stdout and exactly one located, specific, stack-trace-free error on stderr.
 * Cases are single mutations of the shipped examples, so the example itself must stay valid.
 */
class MalformedTopologyTest {

    private static final String FILE = "topology.yaml";
    private static final String PRODUCTION = example("examples/production-2x2.yaml");
    private static final String DEV = example("examples/dev.yaml");
    private static final String PLANTED_PASSWORD = "hunter2-planted-7Qx";
    private static final String PLANTED_SECRET = "planted-value";

    /** A Java exception or error class name, as a stack trace or an unwrapped message would show it. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");
    /** A fully qualified Java class name such as dev.signozha.core.topology.KubeQuantity. */
    private static final Pattern QUALIFIED_CLASS =
            Pattern.compile("\\b(java|javax|jdk|sun|com|org|dev)\\.[a-z][a-z0-9_]*\\.[\\w.]*[A-Z]\\w*");

    private static final Pattern ERROR_POSITION = Pattern.compile("^error: .*?:(\\d+):(\\d+)[ :]");

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();

        // Unknown keys, at several depths, with and without a close match.
        String text = PRODUCTION + "extra: 1\n";
        cases.add(fault(
                "an unknown top-level key without a close match lists the known keys",
                text,
                key(text, "extra: 1", "extra"),
                "unknown key (known keys: ",
                "apiVersion",
                "metadata"));
        text = mutate(PRODUCTION, "  release: signoz\n", "  releas: signoz\n");
        cases.add(fault(
                "a misspelt key under spec suggests the intended one",
                text,
                key(text, "releas: signoz", "spec.releas"),
                "unknown key, did you mean 'release'?"));
        text = mutate(PRODUCTION, "    replicas: 2\n", "    replica: 2\n");
        cases.add(fault(
                "a misspelt clickhouse key suggests the intended one",
                text,
                key(text, "replica: 2", "spec.clickhouse.replica"),
                "unknown key, did you mean 'replicas'?"));
        text = mutate(PRODUCTION, "ingress: {enabled: true,", "ingress: {enabeld: true,");
        cases.add(fault(
                "a misspelt key inside a flow mapping is located at its own column",
                text,
                key(text, "enabeld: true", "spec.ingress.enabeld"),
                "unknown key, did you mean 'enabled'?"));
        text = mutate(
                PRODUCTION,
                "storage: {size: 1Ti, storageClass: gp3}",
                "storage: {size: 1Ti, storageClass: gp3, zzzzqqq: 1}");
        cases.add(fault(
                "an unknown key four levels deep without a close match lists the known keys",
                text,
                key(text, "zzzzqqq: 1", "spec.clickhouse.storage.zzzzqqq"),
                "unknown key (known keys: ",
                "storageClass"));
        text = mutate(PRODUCTION, "{name: c5-9xlarge,", "{name: c5-9xlarge, flavour: big,");
        cases.add(fault(
                "an unknown key in a list item names the item index",
                text,
                key(text, "flavour: big", "spec.capacity.nodePools[0].flavour"),
                "unknown key (known keys: ",
                "zones"));

        // Wrong types.
        text = mutate(PRODUCTION, "    shards: 2\n", "    shards: two\n");
        cases.add(fault(
                "a word where a whole number belongs",
                text,
                key(text, "shards: two", "spec.clickhouse.shards"),
                "expected a whole number, got the string \"two\""));
        text = mutate(PRODUCTION, "    shards: 2\n", "    shards: \"2\"\n");
        cases.add(fault(
                "a quoted number where a whole number belongs",
                text,
                key(text, "shards: \"2\"", "spec.clickhouse.shards"),
                "expected a whole number, got the string \"2\""));
        text = mutate(
                PRODUCTION,
                "  zookeeper:\n    replicas: 3\n    storage: {size: 20Gi}\n"
                        + "    resources: {requests: {cpu: 500m, memory: 1Gi}, limits: {memory: 2Gi}}\n",
                "  zookeeper: [1, 2]\n");
        cases.add(fault(
                "a list where a mapping belongs",
                text,
                key(text, "zookeeper: [1, 2]", "spec.zookeeper"),
                "expected a mapping, got a list"));
        text = mutate(PRODUCTION, "  namespace: platform\n", "  namespace: {name: platform}\n");
        cases.add(fault(
                "a mapping where text belongs",
                text,
                key(text, "namespace: {name: platform}", "spec.namespace"),
                "expected text, got a mapping"));
        text = mutate(PRODUCTION, "    user: admin\n", "    user: yes\n");
        cases.add(fault(
                "a YAML 1.1 boolean where text belongs",
                text,
                key(text, "user: yes", "spec.clickhouse.user"),
                "expected text, got true"));
        text = mutate(DEV, "metadata: {name: dev}\n", "metadata:\n");
        cases.add(fault(
                "an empty metadata where a mapping is required",
                text,
                key(text, "metadata:", "metadata"),
                "expected a mapping, got nothing"));
        text = mutate(DEV, "spec:\n  profile: dev\n  namespace: signoz-dev\n", "spec: ~\n");
        cases.add(fault(
                "a null spec where a mapping is required",
                text,
                key(text, "spec: ~", "spec"),
                "expected a mapping, got nothing"));

        // Values outside an enum or a constant.
        text = mutate(PRODUCTION, "profile: production", "profile: prod");
        cases.add(fault(
                "an unknown profile lists the choices",
                text,
                key(text, "profile: prod", "spec.profile"),
                "must be one of dev, staging, production; got 'prod'"));
        text = mutate(PRODUCTION, "profile: production", "profile: productoin");
        cases.add(fault(
                "a misspelt profile suggests the intended one",
                text,
                key(text, "profile: productoin", "spec.profile"),
                "did you mean 'production'?"));
        text = mutate(PRODUCTION, "mode: external", "mode: externel");
        cases.add(fault(
                "a misspelt clickhouse mode suggests the intended one",
                text,
                key(text, "mode: externel", "spec.clickhouse.mode"),
                "must be one of external, bundled, existing; got 'externel', did you mean 'external'?"));
        text = mutate(PRODUCTION, "antiAffinity: shard", "antiAffinity: zone");
        cases.add(fault(
                "an unknown anti-affinity lists the choices",
                text,
                key(text, "antiAffinity: zone", "spec.clickhouse.antiAffinity"),
                "must be one of shard, node, none; got 'zone'"));
        text = mutate(PRODUCTION, "  zookeeper:\n", "  zookeeper:\n    kind: keper\n");
        cases.add(fault(
                "a misspelt coordination kind suggests keeper",
                text,
                key(text, "kind: keper", "spec.zookeeper.kind"),
                "must be one of zookeeper, keeper; got 'keper', did you mean 'keeper'?"));
        text = mutate(
                mutate(PRODUCTION, "mode: external", "mode: bundled"),
                "  zookeeper:\n",
                "  zookeeper:\n    kind: keeper\n");
        cases.add(fault(
                "keeper in bundled mode, where the chart runs its own ZooKeeper",
                text,
                key(text, "kind: keeper", "spec.zookeeper.kind"),
                "keeper needs clickhouse.mode external"));
        text = mutate(PRODUCTION, "apiVersion: signoz-ha/v1", "apiVersion: signoz-ha/v2");
        cases.add(fault(
                "a different apiVersion",
                text,
                key(text, "apiVersion: signoz-ha/v2", "apiVersion"),
                "must be 'signoz-ha/v1', got 'signoz-ha/v2'"));
        text = mutate(PRODUCTION, "kind: Topology", "kind: Deployment");
        cases.add(fault(
                "a different kind",
                text,
                key(text, "kind: Deployment", "kind"),
                "must be 'Topology', got 'Deployment'"));

        // Values breaking a format.
        text = mutate(PRODUCTION, "namespace: platform", "namespace: Platform");
        cases.add(fault(
                "a namespace with capitals",
                text,
                key(text, "namespace: Platform", "spec.namespace"),
                "'Platform' is not a valid DNS-1123 label"));
        text = mutate(PRODUCTION, "host: clickhouse-signoz-clickhouse-ha", "host: 1clickhouse");
        cases.add(fault(
                "a clickhouse host starting with a digit",
                text,
                key(text, "host: 1clickhouse", "spec.clickhouse.host"),
                "'1clickhouse' is not a valid DNS-1035 label"));
        text = mutate(PRODUCTION, "image: clickhouse/clickhouse-server:25.12.5", "image: clickhouse/clickhouse-server");
        cases.add(
                fault(
                        "an image without a tag",
                        text,
                        key(text, "image: clickhouse/clickhouse-server", "spec.clickhouse.image"),
                        "'clickhouse/clickhouse-server' is not a valid image reference ([registry/]repository:tag with an explicit tag"));
        text = mutate(PRODUCTION, "cpu: \"4\"", "cpu: lots");
        cases.add(fault(
                "a cpu request that is not a quantity",
                text,
                key(text, "cpu: lots", "spec.clickhouse.resources.requests.cpu"),
                "'lots' is not a valid Kubernetes quantity"));
        text = mutate(PRODUCTION, "version: 0.131.0", "version: latest");
        cases.add(fault(
                "a chart version of latest",
                text,
                key(text, "version: latest", "spec.chart.version"),
                "'latest' is not a valid semantic version"));

        // Numbers out of range.
        text = mutate(PRODUCTION, "shards: 2", "shards: 0");
        cases.add(fault(
                "zero shards", text, key(text, "shards: 0", "spec.clickhouse.shards"), "must be at least 1, got 0"));
        text = mutate(PRODUCTION, "    replicas: 2\n", "    replicas: 99\n");
        cases.add(fault(
                "99 replicas per shard",
                text,
                key(text, "replicas: 99", "spec.clickhouse.replicas"),
                "must be at most 16, got 99"));
        text = mutate(PRODUCTION, "shards: 2", "shards: 123456789012345678901234567890");
        cases.add(fault(
                "a 30-digit shard count is reported exactly, not overflowed",
                text,
                key(text, "shards: 1234", "spec.clickhouse.shards"),
                "must be at most 64, got 123456789012345678901234567890"));

        // Missing required keys.
        text = mutate(PRODUCTION, "metadata: {name: prod}\n", "");
        cases.add(fault("a file without metadata", text, pathOnly("metadata"), "missing required key"));
        text = mutate(PRODUCTION, "  namespace: platform\n", "");
        cases.add(fault(
                "a spec without namespace is located at spec",
                text,
                key(text, "\nspec:", "spec.namespace"),
                "missing required key"));
        text = mutate(PRODUCTION, "count: 3, cpu: \"36\", ", "count: 3, ");
        cases.add(fault(
                "a node pool without cpu is located at the pool",
                text,
                key(text, "{name: c5-9xlarge", "spec.capacity.nodePools[0].cpu"),
                "missing required key"));

        // Secrets.
        text = mutate(PRODUCTION, "    user: admin\n", "    user: admin\n    password: " + PLANTED_PASSWORD + "\n");
        cases.add(secretFault(
                "an inline clickhouse password is refused without echoing it",
                text,
                key(text, "password: " + PLANTED_PASSWORD, "spec.clickhouse.password"),
                PLANTED_PASSWORD,
                "inline secrets are refused"));
        text = mutate(
                PRODUCTION,
                "passwordSecret: {name: clickhouse-credentials, key: password}",
                "passwordSecret: \"" + PLANTED_SECRET + "\"");
        cases.add(secretFault(
                "a passwordSecret given as a string is refused without echoing it",
                text,
                key(text, "passwordSecret: \"" + PLANTED_SECRET, "spec.clickhouse.passwordSecret"),
                PLANTED_SECRET,
                "expected a mapping"));

        // Broken YAML: the line is where the parser notices, the column is the parser's own business.
        text = mutate(PRODUCTION, "    shards: 2\n", "     shards: 2\n");
        cases.add(fault(
                "a key indented one space too far",
                text,
                syntax(text, "     shards: 2", 0),
                "not valid YAML: mapping values are not allowed here"));
        text = mutate(DEV, "namespace: signoz-dev", "namespace: \"signoz-dev");
        cases.add(fault(
                "an unclosed quote runs to the end of the file",
                text,
                syntax(text, "\"signoz-dev", 1),
                "not valid YAML: found unexpected end of stream (while scanning a quoted scalar)"));
        text = mutate(PRODUCTION, "    shards: 2\n", "\tshards: 2\n");
        cases.add(fault("a tab used for indentation", text, syntax(text, "\tshards: 2", 0), "for indentation"));
        text = mutate(PRODUCTION, "  otelCollector: {replicas: 3}\n", "  otelCollector: {replicas: 3\n");
        cases.add(fault(
                "a flow mapping missing its closing brace",
                text,
                syntax(text, "signoz: {replicas: 1}", 0),
                "not valid YAML: expected ',' or '}'"));
        text = mutate(DEV, "namespace: signoz-dev", "namespace: \"signoz\\qdev\"");
        cases.add(fault(
                "an unknown escape in a double-quoted string",
                text,
                syntax(text, "signoz\\qdev", 0),
                "not valid YAML: found unknown escape character"));

        // YAML features a topology file refuses.
        text = mutate(PRODUCTION, "    shards: 2\n", "    shards: 2\n    shards: 3\n");
        cases.add(fault(
                "a duplicate key names both lines",
                text,
                key(text, "shards: 3", "spec.clickhouse.shards"),
                "duplicate key 'shards' (first written at line " + lineOf(text, "shards: 2") + ")"));
        text = mutate(
                PRODUCTION,
                "  otelCollector: {replicas: 3}\n  signoz: {replicas: 1}\n",
                "  otelCollector: &collector {replicas: 3}\n  signoz:\n    <<: *collector\n");
        cases.add(fault(
                "a YAML merge key",
                text,
                key(text, "<<: *collector", "spec.signoz"),
                "YAML merge keys (<<) are not supported"));
        text = mutate(PRODUCTION, "namespace: platform", "namespace: !foo platform");
        cases.add(fault(
                "a custom tag on a scalar is reported once, as a custom tag",
                text,
                key(text, "!foo platform", "spec.namespace"),
                "custom YAML tag '!foo' is not supported"));
        text = mutate(PRODUCTION, "  signoz: {replicas: 1}\n", "  signoz: !foo {replicas: 1}\n");
        cases.add(fault(
                "a custom tag on a mapping is refused like one on a scalar",
                text,
                pathOnly("spec.signoz"),
                "custom YAML tag '!foo'"));
        cases.add(fault(
                "a billion-laughs alias bomb is stopped by the alias limit",
                HostileYaml.aliasBomb(9, 7),
                anywhere(),
                "aliases"));
        cases.add(fault(
                "an alias expansion under the alias limit is stopped by the value limit",
                HostileYaml.aliasBomb(10, 6),
                anywhere(),
                "aliases"));
        cases.add(fault(
                "a list nested 70 levels deep",
                DEV + "extra: " + "[".repeat(70) + "]".repeat(70) + "\n",
                anywhere(),
                "nested deeper"));
        cases.add(fault(
                "mappings nested 70 levels deep", DEV + HostileYaml.deepMappings(70), anywhere(), "nested deeper"));

        // The file as a whole.
        cases.add(fault(
                "two YAML documents in one file",
                PRODUCTION + "---\n" + DEV,
                fileLevel(),
                "holds 2 YAML documents; a topology file holds exactly one"));
        cases.add(fault("an empty file", "", fileLevel(), "the file is empty"));
        cases.add(fault(
                "a file of comments and whitespace only",
                "# nothing here\n   \n\n# still nothing\n  \n",
                fileLevel(),
                "the file is empty"));
        cases.add(special("a file that does not exist", dir -> dir.resolve(FILE), "file not found"));
        cases.add(special(
                "a directory instead of a file", dir -> Files.createDirectory(dir.resolve(FILE)), "is a directory"));
        cases.add(bytesFault("a 10 MB file", tenMegabytes(), fileLevel(), "limited to 1 MiB"));
        cases.add(bytesFault(
                "binary junk with NUL bytes",
                new byte[] {'a', 'p', 'i', ':', ' ', 0, 1, 2, (byte) 0xff, 0, '\n'},
                fileLevel(),
                "binary file"));
        cases.add(bytesFault(
                "bytes that are not UTF-8",
                latin1(mutate(PRODUCTION, "{name: prod}", "{name: pr\u00e9d}")),
                fileLevel(),
                "not UTF-8"));
        cases.add(fault(
                "a top-level list instead of a mapping",
                "- apiVersion: signoz-ha/v1\n- kind: Topology\n",
                anywhere(),
                "expected a mapping, got a list"));
        cases.add(fault(
                "a document that is a single scalar",
                "just a string\n",
                anywhere(),
                "expected a mapping, got the string \"just a string\""));

        // Structurally valid, semantically wrong.
        text = mutate(PRODUCTION, "\n    replicas: 2\n", "\n    replicas: 1\n");
        cases.add(fault(
                "production with one replica per shard",
                text,
                key(text, "\n    replicas: 1", "spec.clickhouse.replicas"),
                "production needs at least 2 replicas per shard"));
        text = mutate(PRODUCTION, "  zookeeper:\n    replicas: 3\n", "  zookeeper:\n    replicas: 4\n");
        cases.add(fault(
                "an even zookeeper ensemble",
                text,
                key(text, "replicas: 4", "spec.zookeeper.replicas"),
                "an ensemble of 4 survives no more failures than one of 3"));
        text = mutate(PRODUCTION, "limits: {memory: 24Gi}", "limits: {memory: 8Gi}");
        cases.add(fault(
                "a memory request above the memory limit",
                text,
                key(text, "memory: 16Gi", "spec.clickhouse.resources.requests.memory"),
                "is above the limit 8Gi"));
        text = mutate(PRODUCTION, "storage: {size: 20Gi}", "storage: {size: 10Gi}");
        cases.add(fault(
                "production zookeeper storage of 10Gi",
                text,
                key(text, "size: 10Gi", "spec.zookeeper.storage.size"),
                "production needs at least 20Gi"));
        text = mutate(PRODUCTION, "antiAffinity: shard", "antiAffinity: node");
        cases.add(fault(
                "node anti-affinity for 2x2 on three declared nodes",
                text,
                key(text, "antiAffinity: node", "spec.clickhouse.antiAffinity"),
                "needs 4 distinct domains, the declared capacity has 3"));
        text = mutate(
                PRODUCTION,
                "ingress: {enabled: true, className: alb, host: signoz.example.com}",
                "ingress: {enabled: true, className: alb}");
        cases.add(fault(
                "an enabled ingress without a host is located at the ingress",
                text,
                key(text, "ingress: {enabled: true", "spec.ingress.host"),
                "an enabled ingress needs a host"));
        text = mutate(
                PRODUCTION,
                "host: clickhouse-signoz-clickhouse-ha",
                "host: clickhouse-signoz-clickhouse-ha-with-a-long-name");
        cases.add(
                fault(
                        "an external host that makes StatefulSet names longer than 52 characters",
                        text,
                        key(text, "host: clickhouse-signoz-clickhouse-ha-with-a-long-name", "spec.clickhouse.host"),
                        "('chi-clickhouse-signoz-clickhouse-ha-with-a-long-name-prod-1-1', 61 characters); shorten host or cluster"));

        String ingress = "  ingress: {enabled: true, className: alb, host: signoz.example.com}";
        text = mutate(PRODUCTION, ingress, ingress + "\n  backup: {disk: backups, s3: {url: https://b.example.com/x}}");
        cases.add(fault(
                "a backup with both a disk and an S3 location",
                text,
                key(text, "backup: {disk: backups", "spec.backup"),
                "set exactly one of s3 and disk"));
        text = mutate(PRODUCTION, ingress, ingress + "\n  backup:\n    s3: {url: \"https://b.example.com/x') --\"}");
        cases.add(fault(
                "an S3 backup URL with a quote that would end ClickHouse's string literal",
                text,
                key(text, "url: \"https://b.example.com/x')", "spec.backup.s3.url"),
                "is not an http(s) URL without blanks, quotes or backslashes"));
        text = mutate(
                PRODUCTION,
                ingress,
                ingress + "\n  backup:\n    s3:\n      url: https://b.example.com/x\n"
                        + "      accessKeyId: {name: s3-backup, key: AWS_ACCESS_KEY_ID}");
        cases.add(fault(
                "S3 backup credentials with an access key id but no secret access key",
                text,
                key(text, "s3:\n      url: https://b.example.com/x", "spec.backup.s3.secretAccessKey"),
                "S3 credentials need both accessKeyId and secretAccessKey"));

        // Inputs that slip past the schema.
        text = mutate(PRODUCTION, "version: 0.131.0", "version: 0.131.99999999999");
        cases.add(fault(
                "a chart version whose patch number overflows an int",
                text,
                key(text, "version: 0.131.99999999999", "spec.chart.version"),
                "0.131.99999999999"));
        String seventyDigits = "1234567890".repeat(7);
        text = mutate(PRODUCTION, "memory: 72Gi", "memory: " + seventyDigits);
        cases.add(fault(
                "a node memory written as a 70-digit number",
                text,
                key(text, "memory: " + seventyDigits, "spec.capacity.nodePools[0].memory"),
                "Kubernetes quantity"));
        text = mutate(DEV, "profile: dev", "profile: ~");
        cases.add(fault(
                "a null profile is reported once",
                text,
                key(text, "profile: ~", "spec.profile"),
                "must be one of dev, staging, production; got nothing"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void plan_malformedTopology_exitsTwoWithOneLocatedSpecificError(String description, Case fault, @TempDir Path dir)
            throws IOException {
        Path file = fault.input().create(dir);
        String name = file.toString();

        CliRun run = CliRun.of("plan", "--offline", "-f", name);

        String err = run.err();
        List<String> errors =
                err.lines().filter(line -> line.startsWith("error: ")).toList();
        String context = "[" + description + "] ";
        assertAll(
                () -> assertEquals(2, run.exitCode(), () -> context + "exit code; stderr was:\n" + err),
                () -> assertEquals(
                        "", run.out(), () -> context + "nothing belongs on stdout when the input is refused"),
                () -> assertTrue(
                        errors.stream()
                                .anyMatch(line -> fault.where().matches(line, name)
                                        && fault.fragments().stream().allMatch(line::contains)),
                        () -> context + "expected an error line "
                                + fault.where().describe(name) + " containing " + fault.fragments() + "; stderr was:\n"
                                + err),
                () -> assertEquals(
                        1,
                        errors.size(),
                        () -> context + "a single fault must be reported exactly once; stderr was:\n" + err),
                () -> assertTrue(
                        err.contains("1 problem found; nothing was changed."),
                        () -> context + "summary line '1 problem found' missing; stderr was:\n" + err),
                () -> assertNoStackTrace(context, err),
                () -> {
                    if (fault.secret() != null) {
                        assertFalse(
                                run.all().contains(fault.secret()),
                                () -> context + "the planted secret was echoed:\n" + run.all());
                    }
                });
    }

    @Test
    void plan_fileWithSeveralIndependentFaults_reportsEveryOneInLineOrder(@TempDir Path dir) throws IOException {
        String text = mutate(PRODUCTION, "namespace: platform", "namespace: Platform");
        text = mutate(text, "shards: 2", "shards: 0");
        text = mutate(text, "    replicas: 2\n", "    replica: 2\n");
        text = mutate(text, "    user: admin\n", "    user: admin\n    user: root\n");
        text = mutate(text, "  otelCollector: {replicas: 3}", "  otelCollector: {replicas: 3, colour: red}");
        Path file = Files.writeString(dir.resolve(FILE), text);

        CliRun run = CliRun.of("plan", "--offline", "-f", file.toString());

        List<String> errors =
                run.err().lines().filter(line -> line.startsWith("error: ")).toList();
        List<String> expectedInOrder = List.of(
                "spec.namespace: 'Platform' is not a valid DNS-1123 label",
                "spec.clickhouse.shards: must be at least 1, got 0",
                "spec.clickhouse.replica: unknown key, did you mean 'replicas'?",
                "spec.clickhouse.user: duplicate key 'user'",
                "spec.otelCollector.colour: unknown key");
        assertEquals(2, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(errors.size() >= 4, () -> "expected at least 4 errors, got:\n" + run.err());
        assertEquals(expectedInOrder.size(), errors.size(), () -> "one error per fault expected:\n" + run.err());
        for (int i = 0; i < expectedInOrder.size(); i++) {
            String expected = expectedInOrder.get(i);
            String actual = errors.get(i);
            assertTrue(actual.contains(expected), () -> "error " + expected + " out of place in:\n" + run.err());
            assertTrue(actual.startsWith("error: " + file + ":"), () -> "not located in the file: " + actual);
        }
        List<Integer> lines =
                errors.stream().map(MalformedTopologyTest::lineNumber).toList();
        assertEquals(lines.stream().sorted().toList(), lines, () -> "errors not in line order:\n" + run.err());
        assertTrue(run.err().contains(expectedInOrder.size() + " problems found; nothing was changed."), run.err());
        assertNoStackTrace("", run.err());
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("the production 2x2 example plans cleanly", "examples/production-2x2.yaml"),
                Arguments.of("the dev example plans cleanly", "examples/dev.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void plan_unmutatedExample_succeeds(String description, String example) {
        CliRun run = CliRun.of("plan", "--offline", "-f", Project.path(example).toString());

        assertEquals(
                0,
                run.exitCode(),
                () -> example + " must be valid for its mutations to be single faults:\n" + run.err());
        assertEquals("", run.err());
    }

    private static void assertNoStackTrace(String context, String err) {
        assertFalse(err.contains("\tat "), () -> context + "stack trace on stderr:\n" + err);
        assertFalse(err.contains("internal error"), () -> context + "reported as an internal error:\n" + err);
        Matcher exception = EXCEPTION_NAME.matcher(err);
        assertFalse(
                exception.find(),
                () -> context + "exception class name '" + exception.group() + "' on stderr:\n" + err);
        Matcher qualified = QUALIFIED_CLASS.matcher(err);
        assertFalse(qualified.find(), () -> context + "Java class name '" + qualified.group() + "' on stderr:\n" + err);
    }

    private static int lineNumber(String errorLine) {
        Matcher position = ERROR_POSITION.matcher(errorLine);
        assertTrue(position.find(), () -> "error without a line number: " + errorLine);
        return Integer.parseInt(position.group(1));
    }

    // ---- cases ----

    /** Creates the input in a fresh directory and returns the path to hand to -f. */
    @FunctionalInterface
    interface Input {
        Path create(Path dir) throws IOException;
    }

    /** One malformed input, where its single error must point, fragments only that fault explains, a value never to echo. */
    record Case(Input input, Where where, List<String> fragments, String secret) {}

    private enum Kind {
        KEY,
        SYNTAX,
        PATH,
        FILE,
        ANYWHERE
    }

    /** What the error line must start with. */
    record Where(Kind kind, int line, int column, String path) {

        boolean matches(String errorLine, String file) {
            String head = "error: " + file;
            return switch (kind) {
                case KEY ->
                    errorLine.startsWith(
                            head + ":" + line + ":" + column + (path.isEmpty() ? ":" : " " + path + ":") + " ");
                case SYNTAX -> errorLine.matches(Pattern.quote(head + ":" + line + ":") + "\\d+: .*");
                case PATH -> errorLine.startsWith(head) && errorLine.contains(" " + path + ": ");
                case FILE -> errorLine.startsWith(head + ": ");
                case ANYWHERE -> errorLine.startsWith(head);
            };
        }

        String describe(String file) {
            return switch (kind) {
                case KEY -> "starting '" + file + ":" + line + ":" + column + " " + path + ":'";
                case SYNTAX -> "starting '" + file + ":" + line + ":<column>:'";
                case PATH -> "naming " + file + " and the key path " + path;
                case FILE -> "starting '" + file + ": ' (a problem of the whole file)";
                case ANYWHERE -> "naming " + file;
            };
        }
    }

    private static Arguments fault(String description, String text, Where where, String... fragments) {
        return Arguments.of(
                description,
                new Case(dir -> Files.writeString(dir.resolve(FILE), text), where, List.of(fragments), null));
    }

    private static Arguments secretFault(
            String description, String text, Where where, String secret, String... fragments) {
        return Arguments.of(
                description,
                new Case(dir -> Files.writeString(dir.resolve(FILE), text), where, List.of(fragments), secret));
    }

    private static Arguments bytesFault(String description, byte[] bytes, Where where, String... fragments) {
        return Arguments.of(
                description, new Case(dir -> Files.write(dir.resolve(FILE), bytes), where, List.of(fragments), null));
    }

    private static Arguments special(String description, Input input, String... fragments) {
        return Arguments.of(description, new Case(input, fileLevel(), List.of(fragments), null));
    }

    /** Exactly at the first non-blank character of {@code marker}, which must occur once in the text. */
    private static Where key(String text, String marker, String path) {
        int at = uniqueIndex(text, marker);
        while (text.charAt(at) == '\n' || text.charAt(at) == ' ') {
            at++;
        }
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        return new Where(Kind.KEY, line, at - lineStart + 1, path);
    }

    /** On the line of {@code marker} plus {@code lineShift}, any column, no key path. */
    private static Where syntax(String text, String marker, int lineShift) {
        return new Where(Kind.SYNTAX, lineOf(text, marker) + lineShift, 0, "");
    }

    private static Where pathOnly(String path) {
        return new Where(Kind.PATH, 0, 0, path);
    }

    private static Where fileLevel() {
        return new Where(Kind.FILE, 0, 0, "");
    }

    private static Where anywhere() {
        return new Where(Kind.ANYWHERE, 0, 0, "");
    }

    private static int lineOf(String text, String marker) {
        int at = uniqueIndex(text, marker);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int uniqueIndex(String text, String marker) {
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            throw new IllegalStateException("test setup: '" + marker + "' must occur exactly once in the case text");
        }
        return at;
    }

    /** The example with one occurrence of {@code from} replaced; fails loudly if the example changed under the test. */
    private static String mutate(String base, String from, String to) {
        uniqueIndex(base, from);
        return base.replace(from, to);
    }

    private static byte[] tenMegabytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(10 * 1024 * 1024 + 100);
        bytes.writeBytes(PRODUCTION.getBytes(StandardCharsets.UTF_8));
        byte[] padding = "# padding to make the file far larger than any topology\n".getBytes(StandardCharsets.UTF_8);
        while (bytes.size() < 10 * 1024 * 1024) {
            bytes.writeBytes(padding);
        }
        return bytes.toByteArray();
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String example(String relative) {
        try {
            return Files.readString(Project.path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
