"""Writes one fixture cluster per ClickHouse endpoint form (FORM.yaml beside this file).

Each starts from ../duplicate-install.yaml (chart 0.131 objects: the query service StatefulSet, the collector
Deployment and its ConfigMap, the telemetry store migrator Job, two ClickHouseInstallations) with pods, volumes,
events and budgets left out, every component pointed at the served installation (clickhouse-signoz-clickhouse-ha),
and then ONE place, written in the form the file is named after, pointing at the other installation
(signoz-clickhouse, whose Service is gone). "baseline" has no such place; "dsn-from-secret" hides the query
service's address in a Secret. Run: python3 generate.py (needs PyYAML).
"""
import copy
import os
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
IN_USE, STALE, NS = "clickhouse-signoz-clickhouse-ha", "signoz-clickhouse", "platform"
KEEP = {"Node", "StorageClass", "CustomResourceDefinition", "ClickHouseInstallation", "Service", "StatefulSet",
        "Deployment", "Job", "ConfigMap"}
USER_PASSWORD = "username=$(CLICKHOUSE_USER)&password=$(CLICKHOUSE_PASSWORD)"


class Literal(str):
    pass


yaml.add_representer(Literal, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style="|"))


def base():
    items = yaml.safe_load(open(os.path.join(HERE, "..", "duplicate-install.yaml")))["items"]
    items = [i for i in items if i["kind"] in KEEP]
    for item in items:
        for container in containers(item):
            for env in container.get("env", []):
                if isinstance(env.get("value"), str):
                    env["value"] = env["value"].replace("tcp://" + STALE + ":", "tcp://" + IN_USE + ":")
                    if env["name"] == "CLICKHOUSE_HOST":
                        env["value"] = IN_USE
                    if env["name"].endswith("CLICKHOUSE_CLUSTER"):
                        env["value"] = "prod"
    return items


def containers(item):
    spec = item.get("spec", {})
    if item["kind"] == "CronJob":
        spec = spec["jobTemplate"]["spec"]
    pod = spec.get("template", {}).get("spec", {})
    return pod.get("initContainers", []) + pod.get("containers", [])


def find(items, kind, name):
    return next(i for i in items if i["kind"] == kind and i["metadata"]["name"] == name)


def main_container(items, kind, name):
    item = find(items, kind, name)
    pod = item["spec"]["template"]["spec"]
    return pod["containers"][0]


def env_of(items, kind, name):
    return main_container(items, kind, name).setdefault("env", [])


def set_env(env, name, value=None, value_from=None):
    entry = next((e for e in env if e["name"] == name), None)
    if entry is None:
        entry = {"name": name}
        env.append(entry)
    entry.pop("value", None)
    entry.pop("valueFrom", None)
    if value_from is not None:
        entry["valueFrom"] = value_from
    else:
        entry["value"] = value


def query_env(items):
    return env_of(items, "StatefulSet", "signoz")


def configmap(name, data, labels_from):
    return {"apiVersion": "v1", "kind": "ConfigMap", "data": data, "metadata": {
        "name": name, "namespace": NS, "creationTimestamp": "2026-10-05T09:01:15Z",
        "labels": copy.deepcopy(labels_from["metadata"].get("labels", {})), "resourceVersion": "48188309",
        "uid": "6c1d4e68-3e1f-5f9b-8b54-72d1d8b8a4e" + str(len(name) % 10)}}


def collector_config(items, edit, name="signoz-otel-collector"):
    source = find(items, "ConfigMap", "signoz-otel-collector")
    config = yaml.safe_load(source["data"]["otel-collector-config.yaml"])
    edit(config)
    text = Literal(yaml.dump(config, default_flow_style=False, sort_keys=True, width=10000).rstrip("\n"))
    if name == "signoz-otel-collector":
        source["data"]["otel-collector-config.yaml"] = text
    else:
        items.append(configmap(name, {"otel-collector-config.yaml": text}, source))


def stale_dsn(value):
    return lambda items: set_env(query_env(items), "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN", value)


def var_reference(items):
    env = query_env(items)
    env.insert(0, {"name": "CH_ENDPOINT_HOST", "value": STALE})
    set_env(env, "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN",
            "tcp://$(CH_ENDPOINT_HOST):9000/?" + USER_PASSWORD + "&comment=$$(NOT_A_VARIABLE)")


def configmap_key(items):
    items.append(configmap("signoz-clickhouse-endpoint", {"host": STALE}, find(items, "StatefulSet", "signoz")))
    set_env(query_env(items), "CLICKHOUSE_HOST",
            value_from={"configMapKeyRef": {"name": "signoz-clickhouse-endpoint", "key": "host"}})


def envfrom_prefix(items):
    items.append(configmap("signoz-telemetrystore", {"CLICKHOUSE_DSN": "tcp://" + STALE + ":9000/?" + USER_PASSWORD},
                           find(items, "StatefulSet", "signoz")))
    env = query_env(items)
    env[:] = [e for e in env if e["name"] != "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN"]
    main_container(items, "StatefulSet", "signoz")["envFrom"] = [
        {"configMapRef": {"name": "signoz-telemetrystore"}, "prefix": "SIGNOZ_TELEMETRYSTORE_"}]


def exporter_datasource(items):
    def edit(config):
        config["exporters"]["clickhousetraces"]["datasource"] = (
            "tcp://${env:CLICKHOUSE_USER}:${env:CLICKHOUSE_PASSWORD}@" + STALE + ":9000/${env:CLICKHOUSE_TRACE_DATABASE}")
    collector_config(items, edit)


def exporter_named_instance(items):
    def edit(config):
        config["exporters"]["clickhouselogsexporter/archive"] = {
            "dsn": "tcp://${env:CLICKHOUSE_USER}:${env:CLICKHOUSE_PASSWORD}@${env:ARCHIVE_CLICKHOUSE_HOST}:9000/signoz_logs",
            "timeout": "10s"}
        config["service"]["pipelines"]["logs/archive"] = {"receivers": ["otlp"], "processors": ["batch"],
                                                          "exporters": ["clickhouselogsexporter/archive"]}
    collector_config(items, edit)
    set_env(env_of(items, "Deployment", "signoz-otel-collector"), "ARCHIVE_CLICKHOUSE_HOST", STALE)


def exporter_subpath(items):
    def edit(config):
        config["exporters"]["signozclickhousemetrics"]["dsn"] = "tcp://" + STALE + ".platform.svc:9000/signoz_metrics"
    collector_config(items, edit, "signoz-otel-collector-custom")
    collector = find(items, "Deployment", "signoz-otel-collector")
    container = main_container(items, "Deployment", "signoz-otel-collector")
    container["args"] = ["--config=/etc/otel/collector.yaml" if a.startswith("--config=") else a
                         for a in container["args"]]
    container["volumeMounts"].append({"name": "custom-config", "mountPath": "/etc/otel/collector.yaml",
                                      "subPath": "collector.yaml"})
    collector["spec"]["template"]["spec"]["volumes"].append({"name": "custom-config", "configMap": {
        "name": "signoz-otel-collector-custom", "defaultMode": 420,
        "items": [{"key": "otel-collector-config.yaml", "path": "collector.yaml"}]}})


def migrator_args(items):
    container = main_container(items, "Job", "signoz-telemetrystore-migrator")
    container["args"] = ["sync", "--cluster-name", "$(CLICKHOUSE_CLUSTER)", "--dsn",
                         "tcp://$(CLICKHOUSE_USER):$(CLICKHOUSE_PASSWORD)@" + STALE + ":9000", "--up="]


def cronjob(items):
    items.append({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {
        "name": "signoz-clickhouse-backup", "namespace": NS, "creationTimestamp": "2026-10-05T09:01:15Z",
        "labels": {"app.kubernetes.io/instance": "signoz", "app.kubernetes.io/component": "backup"},
        "resourceVersion": "48188310", "uid": "7d2e5f79-4f20-5a0c-9c65-83e2e9c9b5f1"},
        "spec": {"schedule": "0 3 * * *", "concurrencyPolicy": "Forbid", "jobTemplate": {"spec": {"template": {
            "spec": {"restartPolicy": "OnFailure", "containers": [{
                "name": "backup", "image": "altinity/clickhouse-backup:2.5.20", "args": ["create_remote"],
                "env": [{"name": "CLICKHOUSE_HOST", "value": STALE}, {"name": "CLICKHOUSE_PORT", "value": "9000"},
                        {"name": "CLICKHOUSE_USERNAME", "value": "admin"},
                        {"name": "CLICKHOUSE_PASSWORD", "valueFrom": {"secretKeyRef": {
                            "name": "clickhouse-credentials", "key": "password"}}}]}]}}}}}})


def dsn_from_secret(items):
    env = query_env(items)
    env[:] = [e for e in env if e["name"] != "CLICKHOUSE_HOST"]
    set_env(env, "SIGNOZ_TELEMETRYSTORE_CLICKHOUSE_DSN",
            value_from={"secretKeyRef": {"name": "signoz-telemetrystore-dsn", "key": "dsn"}})


FORMS = {
    "baseline": lambda items: None,
    "env-host": lambda items: set_env(query_env(items), "CLICKHOUSE_HOST", STALE),
    "dsn-query-credentials": stale_dsn("tcp://" + STALE + ":9000/?" + USER_PASSWORD),
    "dsn-userinfo-name-ns": stale_dsn("tcp://admin:Lit3ral-Pa55@" + STALE + ".platform:9000/signoz_traces"),
    "dsn-clickhouse-scheme-svc": stale_dsn("clickhouse://" + STALE + ".platform.svc:9000?dial_timeout=10s"),
    "dsn-http-fqdn": stale_dsn("http://" + STALE + ".platform.svc.cluster.local:8123/?user=admin"),
    "dsn-host-list": stale_dsn("tcp://" + IN_USE + ":9000," + STALE + ":9000/?" + USER_PASSWORD),
    "dsn-var-reference": var_reference,
    "env-configmap-key": configmap_key,
    "envfrom-configmap-prefix": envfrom_prefix,
    "exporter-datasource": exporter_datasource,
    "exporter-named-instance": exporter_named_instance,
    "exporter-subpath-items": exporter_subpath,
    "migrator-dsn-argument": migrator_args,
    "cronjob-env-host": cronjob,
    "dsn-from-secret": dsn_from_secret,
}

if __name__ == "__main__":
    for form, mutate in FORMS.items():
        items = base()
        mutate(items)
        with open(os.path.join(HERE, form + ".yaml"), "w") as out:
            out.write("# Generated by generate.py: the " + form + " endpoint form (see its docstring).\n")
            yaml.dump({"apiVersion": "v1", "kind": "List", "items": items}, out, default_flow_style=False,
                      sort_keys=False, width=10000)
