package dev.signozha.commands;

import dev.signozha.actions.Runbooks;
import dev.signozha.checks.CheckCatalog;
import dev.signozha.checks.CheckSpec;
import dev.signozha.core.text.TextTable;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "runbook",
        mixinStandardHelpOptions = true,
        description = {
            "Print the runbook of a doctor finding (works offline), or list them all.",
            "Each runbook has Symptoms, Why it happens, Diagnose, Fix and Verify."
        })
final class RunbookCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "0..1",
            paramLabel = "CODE",
            completionCandidates = Candidates.RunbookCodes.class,
            description = "A finding code such as DUPLICATE_CLICKHOUSE.")
    String code;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (code == null) {
            TextTable table = new TextTable("CODE", "SEVERITY", "CATEGORY", "HEALTHY WHEN");
            for (CheckSpec check : CheckCatalog.all()) {
                table.row(check.code(), check.severity().id(), check.category(), check.title());
            }
            Runbooks.PROCEDURES.forEach((name, what) -> table.row(name, "-", "procedure", what));
            out.print(table.render(""));
        } else {
            out.print(Runbooks.text(code));
        }
        out.flush();
        return 0;
    }
}
