package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The required anti-affinity terms of bound pods, for kube-scheduler's symmetric check: the domains a
 * pod must avoid because a pod there has a term that matches it. Each distinct term is stored once with
 * the nodes of the pods declaring it, and indexed under one of its matchLabels pairs, so a pod only
 * looks at terms that could match it.
 */
final class AntiAffinityOwners {

    private final TopologyIndex topology;
    private final Map<OwnedTerm, List<Integer>> nodesByTerm = new HashMap<>();
    private final Map<Map.Entry<String, String>, List<OwnedTerm>> termsByPair = new HashMap<>();
    private final List<OwnedTerm> termsWithoutPairs = new ArrayList<>();

    AntiAffinityOwners(TopologyIndex topology) {
        this.topology = topology;
    }

    void add(SimPod pod, int node) {
        for (PodAffinityTerm term : pod.constraints().podAntiAffinity()) {
            nodesByTerm
                    .computeIfAbsent(new OwnedTerm(pod.namespace(), term), this::index)
                    .add(node);
        }
    }

    /** Per topology key, the domains holding a pod whose anti-affinity matches {@code pod}. */
    List<DomainCounts> repelling(SimPod pod) {
        Map<String, DomainCounts> byKey = new HashMap<>();
        for (OwnedTerm owned : candidates(pod)) {
            if (owned.repels(pod)) {
                String key = owned.term().topologyKey();
                DomainCounts domains = byKey.computeIfAbsent(key, k -> new DomainCounts(topology.domains(k)));
                nodesByTerm.get(owned).forEach(domains::add);
            }
        }
        return List.copyOf(byKey.values());
    }

    /** Files a new term under its smallest matchLabels key, which any pod it matches must carry. */
    private List<Integer> index(OwnedTerm owned) {
        Map<String, String> pairs = owned.term().selector().matchLabels();
        if (pairs.isEmpty()) {
            termsWithoutPairs.add(owned);
        } else {
            String key = Collections.min(pairs.keySet());
            termsByPair
                    .computeIfAbsent(Map.entry(key, pairs.get(key)), pair -> new ArrayList<>())
                    .add(owned);
        }
        return new ArrayList<>();
    }

    private List<OwnedTerm> candidates(SimPod pod) {
        List<OwnedTerm> candidates = new ArrayList<>(termsWithoutPairs);
        pod.labels()
                .forEach((key, value) -> candidates.addAll(termsByPair.getOrDefault(Map.entry(key, value), List.of())));
        return candidates;
    }

    private record OwnedTerm(String namespace, PodAffinityTerm term) {

        boolean repels(SimPod pod) {
            return namespace.equals(pod.namespace()) && term.selector().matches(pod.labels());
        }
    }
}
