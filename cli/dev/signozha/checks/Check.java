package dev.signozha.checks;

/** A declared check: its spec and the pure logic that judges a {@link CheckContext}. */
public interface Check {

    CheckSpec spec();

    Outcome run(CheckContext context);

    /** A check from a spec and a function, the usual way checks are declared. */
    static Check of(CheckSpec spec, java.util.function.Function<CheckContext, Outcome> logic) {
        return new Check() {
            @Override
            public CheckSpec spec() {
                return spec;
            }

            @Override
            public Outcome run(CheckContext context) {
                return logic.apply(context);
            }
        };
    }
}
