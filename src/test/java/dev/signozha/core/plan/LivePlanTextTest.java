package dev.signozha.core.plan;

import static dev.signozha.core.plan.LiveObjects.array;
import static dev.signozha.core.plan.LiveObjects.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signozha.core.render.Manifest;
import dev.signozha.core.render.RenderedRelease;
import dev.signozha.core.text.Style;
import dev.signozha.support.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LivePlanTextTest {

    private static final RenderedRelease PRODUCTION = LiveObjects.release("production-2x2");

    @Test
    void render_nothingLive_matchesGolden() {
        Golden.assertMatches(
                LivePlanText.render(LiveObjects.plan(PRODUCTION, List.of(), null), Style.PLAIN),
                "live-plan/fresh-install.txt");
    }

    @Test
    void render_liveAsRendered_matchesGolden() {
        LivePlan plan = LiveObjects.plan(PRODUCTION, LiveObjects.served(PRODUCTION), PRODUCTION.values());
        Golden.assertMatches(LivePlanText.render(plan, Style.PLAIN), "live-plan/unchanged.txt");
    }

    @Test
    void render_driftedInstall_matchesGoldenAndHidesThePassword() {
        String text = LivePlanText.render(drifted(), Style.PLAIN);
        Golden.assertMatches(text, "live-plan/drifted.txt");
        assertFalse(text.contains("S3cret"), text);
    }

    @Test
    void render_twice_isIdentical() {
        assertEquals(LivePlanText.render(drifted(), Style.PLAIN), LivePlanText.render(drifted(), Style.PLAIN));
    }

    /**
     * Live is the production example after someone scaled ClickHouse to 3 shards on 500Gi volumes, set a
     * smaller ZooKeeper heap and an old password, deleted the scripts ConfigMap, left an old Service of
     * the tool's behind, and ran the chart with 2 collectors and another ingress class.
     */
    private static LivePlan drifted() {
        List<JsonNode> live = new ArrayList<>();
        for (Manifest manifest : PRODUCTION.manifests()) {
            ObjectNode object = LiveObjects.served(manifest);
            switch (manifest.kind()) {
                case "ClickHouseInstallation" -> {
                    object(object, "/spec/configuration/clusters/0/layout").put("shardsCount", 3);
                    object(object, "/spec/templates/volumeClaimTemplates/0/spec/resources/requests")
                            .put("storage", "500Gi");
                }
                case "StatefulSet" -> {
                    object(object, "/spec/template/spec/containers/0/env/3").put("value", "512");
                    array(object, "/spec/template/spec/containers/0/env")
                            .addObject()
                            .put("name", "ZOO_CLIENT_PASSWORD")
                            .put("value", "Old-S3cret-0815");
                }
                case "ConfigMap" -> {
                    continue;
                }
                default -> {}
            }
            live.add(object);
        }
        ObjectNode old = LiveObjects.served(LiveObjects.manifest(PRODUCTION, "Service"));
        object(old, "/metadata").put("name", "signoz-ha-keeper");
        live.add(old);
        ObjectNode values = PRODUCTION.values().deepCopy();
        object(values, "/otelCollector").put("replicaCount", 2);
        object(values, "/signoz/ingress").put("className", "nginx");
        return LiveObjects.plan(withPassword(), live, values);
    }

    private static RenderedRelease withPassword() {
        List<Manifest> manifests = new ArrayList<>();
        for (Manifest manifest : PRODUCTION.manifests()) {
            ObjectNode body = manifest.body().deepCopy();
            if (manifest.kind().equals("StatefulSet")) {
                array(body, "/spec/template/spec/containers/0/env")
                        .addObject()
                        .put("name", "ZOO_CLIENT_PASSWORD")
                        .put("value", "Planted-S3cret-4711");
            }
            manifests.add(
                    new Manifest(manifest.apiVersion(), manifest.kind(), manifest.namespace(), manifest.name(), body));
        }
        return new RenderedRelease(PRODUCTION.chartVersion(), PRODUCTION.values(), manifests, PRODUCTION.notes());
    }
}
