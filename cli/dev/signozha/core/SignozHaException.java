package dev.signozha.core;

/** A failure the tool explains to its user in one line, with the exit code it ends the process with. */
public class SignozHaException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final ExitCode exitCode;

    public SignozHaException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SignozHaException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
