#!/usr/bin/env python3
"""Writes what a namespace holds after `helm install` of the given `helm template` outputs has settled.

Input: the real chart's rendered objects (render.sh). Output, as one multi-document YAML on stdout:
- the namespace;
- every rendered object but the chart's test hooks (helm runs those only on `helm test`), with the
  metadata the API server adds (uid, resourceVersion, creationTimestamp);
- what clickhouse-operator 0.21.2 (the version the SigNoz clickhouse chart installs) makes of each
  ClickHouseInstallation, named and labelled as the operator does (see src/test/resources/clusters/healthy-2x2.yaml,
  copied from a live cluster): the installation's status, one StatefulSet, Service, PersistentVolumeClaim and Pod
  per host, and the installation's own Service;
- one Running, Ready pod per replica of every rendered StatefulSet and Deployment.

Usage: live-objects.py NAMESPACE RENDERED.yaml... > live.yaml
"""
import copy
import hashlib
import sys
import uuid

import yaml

CREATED = "2026-11-02T08:14:05Z"
OPERATOR = "0.21.2"


def uid(*parts):
    return str(uuid.UUID(hashlib.sha1("/".join(parts).encode()).hexdigest()[:32]))


def settle(obj, namespace):
    meta = obj["metadata"]
    if obj["kind"] not in ("Namespace", "ClusterRole", "ClusterRoleBinding"):
        meta.setdefault("namespace", namespace)
    meta["uid"] = uid(obj["kind"], meta.get("namespace", ""), meta["name"])
    meta["resourceVersion"] = str(int(hashlib.sha1(meta["uid"].encode()).hexdigest()[:6], 16))
    meta["creationTimestamp"] = CREATED
    return obj


def owner(obj):
    return [{"apiVersion": obj["apiVersion"], "kind": obj["kind"], "name": obj["metadata"]["name"],
             "uid": obj["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}]


def ready_pod(name, namespace, labels, spec, owners, node):
    spec = copy.deepcopy(spec)
    spec["nodeName"] = node
    containers = [{"name": c["name"], "image": c.get("image", ""), "ready": True, "restartCount": 0,
                   "started": True, "state": {"running": {"startedAt": CREATED}}} for c in spec.get("containers", [])]
    pod = {"apiVersion": "v1", "kind": "Pod",
           "metadata": {"name": name, "namespace": namespace, "labels": labels, "ownerReferences": owners},
           "spec": spec,
           "status": {"phase": "Running", "qosClass": "Burstable", "startTime": CREATED,
                      "conditions": [{"type": t, "status": "True", "lastTransitionTime": CREATED}
                                     for t in ("Initialized", "Ready", "ContainersReady", "PodScheduled")],
                      "containerStatuses": containers}}
    return settle(pod, namespace)


def workload_pods(obj, namespace):
    spec = obj["spec"]
    template = spec["template"]
    pods = []
    for index in range(spec.get("replicas", 1)):
        suffix = str(index) if obj["kind"] == "StatefulSet" else "7d9f8c6b5-" + "abcdefghij"[index] * 5
        labels = dict(template["metadata"].get("labels", {}))
        if obj["kind"] == "StatefulSet":
            labels["statefulset.kubernetes.io/pod-name"] = obj["metadata"]["name"] + "-" + suffix
            labels["apps.kubernetes.io/pod-index"] = str(index)
        pods.append(ready_pod(obj["metadata"]["name"] + "-" + suffix, namespace, labels, template["spec"],
                              owner(obj), "node-" + str(index % 3)))
    replicas = spec.get("replicas", 1)
    obj["status"] = {"replicas": replicas, "readyReplicas": replicas, "availableReplicas": replicas,
                     "updatedReplicas": replicas, "observedGeneration": 1}
    return pods


def operator_objects(chi, namespace):
    """What clickhouse-operator creates for an installation, as release 0.21.2 names and labels it."""
    name = chi["metadata"]["name"]
    spec = chi["spec"]
    cluster = spec["configuration"]["clusters"][0]
    shards = cluster["layout"].get("shardsCount", 1)
    replicas = cluster["layout"].get("replicasCount", 1)
    pod_template = next(t for t in spec["templates"]["podTemplates"]
                        if t["name"] == cluster.get("templates", {}).get("podTemplate",
                                                                           spec["defaults"]["templates"].get("podTemplate")))
    claim = spec["templates"]["volumeClaimTemplates"][0]
    service = spec["templates"]["serviceTemplates"][0]
    base = dict(chi["metadata"].get("labels", {}))
    base.update({"clickhouse.altinity.com/app": "chop", "clickhouse.altinity.com/chi": name,
                 "clickhouse.altinity.com/namespace": namespace})
    objects = []
    hosts = []
    for shard in range(shards):
        for replica in range(replicas):
            host = f"chi-{name}-{cluster['name']}-{shard}-{replica}"
            hosts.append(host)
            labels = dict(base, **{"clickhouse.altinity.com/cluster": cluster["name"],
                                   "clickhouse.altinity.com/shard": str(shard),
                                   "clickhouse.altinity.com/replica": str(replica)})
            pod_labels = dict(labels, **pod_template.get("metadata", {}).get("labels", {}))
            pod_labels["clickhouse.altinity.com/ready"] = "yes"
            pod_spec = copy.deepcopy(pod_template["spec"])
            sts = settle({"apiVersion": "apps/v1", "kind": "StatefulSet",
                          "metadata": {"name": host, "namespace": namespace, "labels": labels,
                                       "ownerReferences": owner(chi)},
                          "spec": {"replicas": 1, "serviceName": host,
                                   "selector": {"matchLabels": {k: v for k, v in labels.items()
                                                                if k.startswith("clickhouse.altinity.com/")}},
                                   "template": {"metadata": {"labels": pod_labels,
                                                             "annotations": pod_template.get("metadata", {})
                                                             .get("annotations", {})},
                                                "spec": pod_spec},
                                   "volumeClaimTemplates": [{"metadata": {"name": claim["name"]},
                                                             "spec": claim["spec"]}]},
                          "status": {"replicas": 1, "readyReplicas": 1, "availableReplicas": 1,
                                     "currentReplicas": 1, "updatedReplicas": 1, "observedGeneration": 1}},
                         namespace)
            objects.append(sts)
            objects.append(settle({"apiVersion": "v1", "kind": "Service",
                                   "metadata": {"name": host, "namespace": namespace,
                                                "labels": dict(labels, **{"clickhouse.altinity.com/Service": "host"}),
                                                "ownerReferences": owner(chi)},
                                   "spec": {"clusterIP": "None", "type": "ClusterIP", "publishNotReadyAddresses": True,
                                            "selector": sts["spec"]["selector"]["matchLabels"],
                                            "ports": [{"name": "http", "port": 8123}, {"name": "tcp", "port": 9000},
                                                      {"name": "interserver", "port": 9009}]}}, namespace))
            objects.append(settle({"apiVersion": "v1", "kind": "PersistentVolumeClaim",
                                   "metadata": {"name": f"{claim['name']}-{host}-0", "namespace": namespace,
                                                "labels": labels},
                                   "spec": claim["spec"],
                                   "status": {"phase": "Bound", "accessModes": claim["spec"]["accessModes"],
                                              "capacity": {"storage": claim["spec"]["resources"]["requests"]["storage"]}}},
                                  namespace))
            objects.append(ready_pod(host + "-0", namespace, pod_labels, pod_spec, owner(sts),
                                     "node-" + str((shard + replica) % 3)))
    objects.append(settle({"apiVersion": "v1", "kind": "Service",
                           "metadata": {"name": service.get("generateName", name).replace("{chi}", name),
                                        "namespace": namespace,
                                        "labels": dict(base, **{"clickhouse.altinity.com/Service": "chi"}),
                                        "ownerReferences": owner(chi)},
                           "spec": dict(service.get("spec", {}), selector={"clickhouse.altinity.com/chi": name,
                                                                           "clickhouse.altinity.com/ready": "yes"})},
                          namespace))
    chi["metadata"]["finalizers"] = ["finalizer.clickhouseinstallation.altinity.com"]
    chi["status"] = {"chop-version": OPERATOR, "clusters": 1, "shards": shards, "replicas": replicas,
                     "hosts": shards * replicas, "hostsCompleted": shards * replicas, "status": "Completed",
                     "endpoint": f"{name}.{namespace}.svc.cluster.local",
                     "fqdns": [f"{h}.{namespace}.svc.cluster.local" for h in hosts],
                     "pods": [h + "-0" for h in hosts]}
    return objects


class NoAliases(yaml.SafeDumper):
    """kubectl never writes YAML aliases; the objects shared between copies are written out in full."""

    def ignore_aliases(self, data):
        return True


def main():
    namespace = sys.argv[1]
    rendered = [doc for path in sys.argv[2:] for doc in yaml.safe_load_all(open(path)) if doc]
    live = [settle({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace},
                    "status": {"phase": "Active"}}, namespace)]
    for obj in rendered:
        if obj["metadata"].get("annotations", {}).get("helm.sh/hook", "").startswith("test"):
            continue
        settle(obj, namespace)
        live.append(obj)
        if obj["kind"] == "ClickHouseInstallation":
            live.extend(operator_objects(obj, namespace))
        elif obj["kind"] in ("StatefulSet", "Deployment"):
            live.extend(workload_pods(obj, namespace))
    yaml.dump_all(live, sys.stdout, Dumper=NoAliases, sort_keys=False, width=120)


if __name__ == "__main__":
    main()
