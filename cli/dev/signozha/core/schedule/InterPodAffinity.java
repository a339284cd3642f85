package dev.signozha.core.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kube-scheduler's InterPodAffinity filter over the pods bound so far: the existing ones and those the
 * simulation placed. Counts per topology domain are kept up to date on every bind, so checking a node
 * is a few array reads. Three rules, in the plugin's order:
 * <ul>
 *   <li>affinity: each term's domain must hold a pod matching all the pod's affinity terms; when no
 *       such pod is bound anywhere and the pod matches its own terms, it may start the group;</li>
 *   <li>anti-affinity: no term's domain may hold a pod the term matches;</li>
 *   <li>existing anti-affinity: no bound pod whose anti-affinity term matches this pod may be in that
 *       term's domain (the symmetric check).</li>
 * </ul>
 */
final class InterPodAffinity {

    static final String AFFINITY = "node(s) didn't match pod affinity rules";
    static final String ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
    static final String EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

    private final TopologyIndex topology;
    private final List<Bound> bound = new ArrayList<>();
    /** For each selection and topology key a pod to place asked about: where the matching bound pods are. */
    private final Map<Watch, DomainCounts> watches = new HashMap<>();

    private final AntiAffinityOwners antiAffinityOwners;

    InterPodAffinity(TopologyIndex topology) {
        this.topology = topology;
        this.antiAffinityOwners = new AntiAffinityOwners(topology);
    }

    void bind(SimPod pod, int node) {
        bound.add(new Bound(pod, node));
        watches.forEach((watch, counts) -> {
            if (watch.selection().matches(pod)) {
                counts.add(node);
            }
        });
        antiAffinityOwners.add(pod, node);
    }

    /** The rules for one pod, resolved against the pods bound now. */
    Check check(SimPod pod) {
        List<PodAffinityTerm> affinityTerms = pod.constraints().podAffinity();
        Selection affinitySelection = Selection.of(pod.namespace(), affinityTerms);
        List<DomainCounts> affinity = new ArrayList<>();
        for (PodAffinityTerm term : affinityTerms) {
            affinity.add(watch(affinitySelection, term.topologyKey()));
        }
        boolean mayStartGroup = affinity.stream().allMatch(DomainCounts::isEmpty) && affinitySelection.matches(pod);
        List<DomainCounts> antiAffinity = new ArrayList<>();
        for (PodAffinityTerm term : pod.constraints().podAntiAffinity()) {
            antiAffinity.add(watch(Selection.of(pod.namespace(), List.of(term)), term.topologyKey()));
        }
        return new Check(affinity, mayStartGroup, antiAffinity, antiAffinityOwners.repelling(pod));
    }

    private DomainCounts watch(Selection selection, String topologyKey) {
        return watches.computeIfAbsent(new Watch(selection, topologyKey), watch -> {
            DomainCounts counts = new DomainCounts(topology.domains(topologyKey));
            for (Bound pod : bound) {
                if (selection.matches(pod.pod())) {
                    counts.add(pod.node());
                }
            }
            return counts;
        });
    }

    private record Bound(SimPod pod, int node) {}

    private record Watch(Selection selection, String topologyKey) {}

    /** One pod's inter-pod rules, asked node by node. */
    record Check(
            List<DomainCounts> affinity,
            boolean mayStartGroup,
            List<DomainCounts> antiAffinity,
            List<DomainCounts> repelledBy) {

        /** The first rule the node breaks, or null. */
        String reason(int node) {
            if (!affinitySatisfied(node)) {
                return AFFINITY;
            }
            if (anyPresent(antiAffinity, node)) {
                return ANTI_AFFINITY;
            }
            return anyPresent(repelledBy, node) ? EXISTING_ANTI_AFFINITY : null;
        }

        private boolean affinitySatisfied(int node) {
            boolean podsExist = true;
            for (DomainCounts term : affinity) {
                if (!term.covers(node)) {
                    return false;
                }
                podsExist &= term.presentAt(node);
            }
            return podsExist || mayStartGroup;
        }

        private static boolean anyPresent(List<DomainCounts> terms, int node) {
            for (DomainCounts term : terms) {
                if (term.presentAt(node)) {
                    return true;
                }
            }
            return false;
        }
    }
}
