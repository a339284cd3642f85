package dev.signozha.core;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: every problem found, each located; ends the process with exit code 2. */
public class InvalidInputException extends SignozHaException {

    private static final long serialVersionUID = 1L;
    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(
                ExitCode.BAD_INPUT,
                problems.stream()
                        .sorted()
                        .map(InputProblem::toString)
                        .collect(Collectors.joining(System.lineSeparator())));
        this.problems = problems.stream().sorted().toList();
    }

    public static InvalidInputException single(String source, String message) {
        return new InvalidInputException(List.of(InputProblem.of(source, message)));
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
