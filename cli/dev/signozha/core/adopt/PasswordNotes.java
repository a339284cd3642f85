package dev.signozha.core.adopt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where an adopted topology takes the ClickHouse password from. The password itself is never read into the
 * topology, a note or the list of unmapped values: the notes carry commands that copy it in the cluster.
 */
final class PasswordNotes {

    private PasswordNotes() {}

    /** Bundled mode: the subchart has a plain clickhouse.password, so the topology names a Secret to hold it. */
    static ObjectNode bundled(InstalledRelease installed, ValuesReader values, List<String> notes) {
        boolean supplied = values.node("clickhouse.password").isPresent();
        String kubectl =
                "kubectl -n " + installed.namespace() + " create secret generic " + ReleaseAdoption.PASSWORD_SECRET;
        notes.add(
                supplied
                        ? "create Secret " + ReleaseAdoption.PASSWORD_SECRET
                                + " with the password the release uses now: " + kubectl
                                + " --from-literal=" + ReleaseAdoption.PASSWORD_KEY + "=\"$(helm -n "
                                + installed.namespace()
                                + " get values " + installed.release() + " -o json | jq -r .clickhouse.password)\""
                        : "the release runs with the chart's published default ClickHouse password (doctor: "
                                + "DEFAULT_CLICKHOUSE_PASSWORD); create Secret " + ReleaseAdoption.PASSWORD_SECRET
                                + " with a new one ("
                                + kubectl + " --from-file=" + ReleaseAdoption.PASSWORD_KEY
                                + "=PATH) and deploy to rotate it");
        return secret(ReleaseAdoption.PASSWORD_SECRET, ReleaseAdoption.PASSWORD_KEY);
    }

    /** External mode: an existing Secret is referenced as it is; a plain password moves into one. */
    static ObjectNode external(InstalledRelease installed, ValuesReader values, List<String> notes) {
        var existing = values.optionalText("externalClickhouse.existingSecret");
        if (existing.isPresent()) {
            return secret(existing.get(), values.text("externalClickhouse.existingSecretPasswordKey", "password"));
        }
        values.consume("externalClickhouse.password");
        notes.add("the release has a plain externalClickhouse.password; create Secret "
                + ReleaseAdoption.PASSWORD_SECRET
                + " with it: kubectl -n " + installed.namespace() + " create secret generic "
                + ReleaseAdoption.PASSWORD_SECRET + " --from-literal=" + ReleaseAdoption.PASSWORD_KEY + "=\"$(helm -n "
                + installed.namespace() + " get values " + installed.release()
                + " -o json | jq -r .externalClickhouse.password)\"");
        return secret(ReleaseAdoption.PASSWORD_SECRET, ReleaseAdoption.PASSWORD_KEY);
    }

    private static ObjectNode secret(String name, String key) {
        return JsonNodeFactory.instance.objectNode().put("name", name).put("key", key);
    }
}
