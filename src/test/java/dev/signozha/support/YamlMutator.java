package dev.signozha.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Malformed variants of a valid YAML file, reproducibly from a seed: on the parsed tree (a key deleted, a value
 * of the wrong type, a huge number, unicode in a key or value, a value nested hundreds deep) and on the text
 * (truncated, a key duplicated, a line indented wrongly, a control byte, an alias bomb in front). Each mutation
 * says whether the result is certainly invalid or may by chance still be valid (a deleted optional key).
 */
public final class YamlMutator {

    /** One mutated file: what was done, its text, and whether it must be refused. */
    public record Mutation(String name, String text, boolean certainlyInvalid) {}

    private static final List<Object> WRONG_VALUES = List.of(
            List.of(1, 2),
            Map.of("x", 1),
            "not-a-value",
            new java.math.BigInteger("123456789012345678901234567890"),
            -1,
            new java.math.BigDecimal("1e309"),
            true,
            "");

    private final String seed;
    private final Random random;

    public YamlMutator(String seedText, long seed) {
        this.seed = seedText;
        this.random = new Random(seed);
    }

    /** The mutators, by name; each yields one mutation per call, different on each call. */
    public List<Mutation> mutations(int each) {
        Map<String, BiFunction<Object, Random, Mutation>> tree = new LinkedHashMap<>();
        tree.put("delete-key", (root, r) -> treeMutation("delete-key", root, r, Edit.DELETE, false));
        tree.put("wrong-type", (root, r) -> treeMutation("wrong-type", root, r, Edit.WRONG_TYPE, false));
        tree.put("unicode-key", (root, r) -> treeMutation("unicode-key", root, r, Edit.UNICODE_KEY, true));
        tree.put("unicode-value", (root, r) -> treeMutation("unicode-value", root, r, Edit.UNICODE_VALUE, false));
        tree.put("deep-nesting", (root, r) -> treeMutation("deep-nesting", root, r, Edit.DEEP, true));
        List<Mutation> all = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            tree.forEach((name, mutator) -> all.add(mutator.apply(new Yaml().load(seed), random)));
            all.add(truncated());
            all.add(duplicateKey());
            all.add(badIndent());
            all.add(controlByte());
            all.add(new Mutation("alias-bomb", HostileYaml.aliasBomb(9, 9) + seed, true));
        }
        return all;
    }

    private enum Edit {
        DELETE,
        WRONG_TYPE,
        UNICODE_KEY,
        UNICODE_VALUE,
        DEEP
    }

    @SuppressWarnings("unchecked")
    private Mutation treeMutation(String name, Object root, Random r, Edit edit, boolean certainlyInvalid) {
        List<Map<String, Object>> maps = new ArrayList<>();
        collect(root, maps);
        Map<String, Object> target = maps.get(r.nextInt(maps.size()));
        List<String> keys = new ArrayList<>(target.keySet());
        String key = keys.get(r.nextInt(keys.size()));
        switch (edit) {
            case DELETE -> target.remove(key);
            case WRONG_TYPE -> target.put(key, WRONG_VALUES.get(r.nextInt(WRONG_VALUES.size())));
            case UNICODE_KEY -> target.put("ｋｅｙ\u200b" + key + "\u202e", target.remove(key));
            case UNICODE_VALUE -> target.put(key, "ｓｉｇｎｏｚ\u200b\u202e🔥" + target.get(key));
            case DEEP -> target.put(key, nested(400));
            default -> throw new IllegalStateException();
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setAllowUnicode(true);
        return new Mutation(name + ":" + key, new Yaml(options).dump(root), certainlyInvalid);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Map<String, Object>> maps) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            maps.add((Map<String, Object>) map);
            map.values().forEach(value -> collect(value, maps));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, maps));
        }
    }

    private static Object nested(int depth) {
        Object value = "leaf";
        for (int i = 0; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    private Mutation truncated() {
        int at = 1 + random.nextInt(seed.length() - 1);
        return new Mutation("truncated@" + at, seed.substring(0, at), false);
    }

    private Mutation duplicateKey() {
        List<String> lines = new ArrayList<>(seed.lines().toList());
        List<Integer> keyed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*[A-Za-z][\\w.-]*:\\s*\\S.*")
                    && !lines.get(i).trim().startsWith("-")) {
                keyed.add(i);
            }
        }
        int line = keyed.get(random.nextInt(keyed.size()));
        lines.add(line + 1, lines.get(line));
        return new Mutation("duplicate-key@" + (line + 1), String.join("\n", lines) + "\n", true);
    }

    private Mutation badIndent() {
        List<String> lines = new ArrayList<>(seed.lines().toList());
        int line = 1 + random.nextInt(lines.size() - 1);
        lines.set(line, "   " + lines.get(line) + ": [");
        return new Mutation("bad-indent@" + (line + 1), String.join("\n", lines) + "\n", true);
    }

    private Mutation controlByte() {
        int at = random.nextInt(seed.length());
        char control = (char) (1 + random.nextInt(8));
        return new Mutation("control-byte@" + at, seed.substring(0, at) + control + seed.substring(at), true);
    }
}
