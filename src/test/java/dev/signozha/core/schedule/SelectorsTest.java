package dev.signozha.core.schedule;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.schedule.Taint.Effect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Match expressions, label selectors and tolerations, with the API's semantics. */
class SelectorsTest {

    private static final Map<String, String> LABELS = Map.of("tier", "db", "cores", "16");

    @Test
    void in_labelWithAListedValue_matchesAndMissingLabelDoesNot() {
        assertAll(
                () -> assertTrue(LabelRequirement.in("tier", "web", "db").matches(LABELS)),
                () -> assertFalse(LabelRequirement.in("tier", "web").matches(LABELS)),
                () -> assertFalse(LabelRequirement.in("zone", "z1").matches(LABELS)));
    }

    @Test
    void notIn_missingLabel_matchesLikeTheApi() {
        assertAll(
                () -> assertTrue(LabelRequirement.notIn("zone", "z1").matches(LABELS)),
                () -> assertTrue(LabelRequirement.notIn("tier", "web").matches(LABELS)),
                () -> assertFalse(LabelRequirement.notIn("tier", "db").matches(LABELS)));
    }

    @Test
    void existsAndDoesNotExist_lookOnlyAtTheKey() {
        assertAll(
                () -> assertTrue(LabelRequirement.exists("tier").matches(LABELS)),
                () -> assertFalse(LabelRequirement.exists("zone").matches(LABELS)),
                () -> assertTrue(LabelRequirement.doesNotExist("zone").matches(LABELS)),
                () -> assertFalse(LabelRequirement.doesNotExist("tier").matches(LABELS)));
    }

    @Test
    void greaterAndLessThan_compareIntegersStrictly() {
        assertAll(
                () -> assertTrue(LabelRequirement.greaterThan("cores", 8).matches(LABELS)),
                () -> assertFalse(LabelRequirement.greaterThan("cores", 16).matches(LABELS)),
                () -> assertTrue(LabelRequirement.lessThan("cores", 32).matches(LABELS)),
                () -> assertFalse(LabelRequirement.lessThan("cores", 16).matches(LABELS)));
    }

    @Test
    void greaterAndLessThan_nonIntegerOrMissingLabel_neverMatch() {
        assertAll(
                () -> assertFalse(LabelRequirement.greaterThan("tier", 0).matches(LABELS)),
                () -> assertFalse(LabelRequirement.lessThan("tier", 0).matches(LABELS)),
                () -> assertFalse(LabelRequirement.greaterThan("zone", 0).matches(LABELS)));
    }

    @Test
    void labelSelector_needsEveryPairAndEveryExpression() {
        LabelSelector selector = new LabelSelector(Map.of("tier", "db"), List.of(LabelRequirement.exists("cores")));

        assertAll(
                () -> assertTrue(selector.matches(LABELS)),
                () -> assertFalse(selector.matches(Map.of("tier", "db"))),
                () -> assertFalse(selector.matches(Map.of("tier", "web", "cores", "16"))));
    }

    @Test
    void labelSelector_empty_matchesEveryPod() {
        assertTrue(LabelSelector.matchLabels(Map.of()).matches(Map.of()));
    }

    @Test
    void labelSelector_withGreaterThan_isRejectedLikeTheApiDoes() {
        assertThrows(
                IllegalArgumentException.class,
                () -> LabelSelector.matchExpressions(LabelRequirement.greaterThan("cores", 1)));
    }

    @Test
    void toleration_emptyEffect_toleratesEveryEffectOfItsKey() {
        Toleration toleration = Toleration.equal("dedicated", "ch", null);

        assertAll(
                () -> assertTrue(toleration.tolerates(new Taint("dedicated", "ch", Effect.NO_SCHEDULE))),
                () -> assertTrue(toleration.tolerates(new Taint("dedicated", "ch", Effect.NO_EXECUTE))),
                () -> assertFalse(toleration.tolerates(new Taint("dedicated", "kafka", Effect.NO_SCHEDULE))),
                () -> assertFalse(toleration.tolerates(new Taint("other", "ch", Effect.NO_SCHEDULE))));
    }

    @Test
    void toleration_emptyKeyWithExists_toleratesEverything() {
        assertAll(
                () -> assertTrue(Toleration.everything().tolerates(new Taint("any", "thing", Effect.NO_EXECUTE))),
                () -> assertTrue(Toleration.everything()
                        .tolerates(new Taint("node.kubernetes.io/unschedulable", null, Effect.NO_SCHEDULE))));
    }

    @Test
    void toleration_existsWithEffect_onlyToleratesThatEffect() {
        Toleration toleration = Toleration.exists("dedicated", Effect.NO_SCHEDULE);

        assertAll(
                () -> assertTrue(toleration.tolerates(new Taint("dedicated", "anything", Effect.NO_SCHEDULE))),
                () -> assertFalse(toleration.tolerates(new Taint("dedicated", "anything", Effect.NO_EXECUTE))));
    }
}
