package dev.signozha.commands;

import dev.signozha.actions.RunReport;
import dev.signozha.core.ExitCode;
import dev.signozha.core.SignozHaException;
import dev.signozha.core.yaml.CanonicalYaml;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * {@code -o json|yaml} on a command that changes the cluster: the run's text goes to stderr with its progress, and
 * stdout gets exactly one document, the {@link RunReport}, in every outcome (also a refusal or a failure, whose
 * error is then printed on stderr as always).
 */
final class ResultDocument {

    private ResultDocument() {}

    /** Where the run's text goes: stdout for text output, stderr when stdout is for the document. */
    static PrintWriter textOut(OutputOptions output, PrintWriter out, PrintWriter err) {
        return output.format == OutputOptions.Format.text ? out : err;
    }

    /** Runs {@code run}; unless the output is text, prints the report's document on {@code out} however it ends. */
    static int run(OutputOptions output, PrintWriter out, RunReport report, IntSupplier run) {
        if (output.format == OutputOptions.Format.text) {
            return run.getAsInt();
        }
        try {
            int code = run.getAsInt();
            print(output, out, report, code, Optional.empty(), false);
            return code;
        } catch (SignozHaException e) {
            print(
                    output,
                    out,
                    report,
                    e.exitCode().code(),
                    Optional.of(e.getMessage()),
                    e.getCause() instanceof InterruptedException);
            throw e;
        } catch (RuntimeException e) {
            print(output, out, report, ExitCode.INTERNAL_ERROR.code(), Optional.of(e.toString()), false);
            throw e;
        }
    }

    private static void print(
            OutputOptions output,
            PrintWriter out,
            RunReport report,
            int code,
            Optional<String> reason,
            boolean interrupted) {
        Object document = report.document(code, reason, interrupted);
        out.print(
                output.format == OutputOptions.Format.json
                        ? CanonicalYaml.json(document)
                        : CanonicalYaml.yaml(document));
        out.flush();
    }
}
