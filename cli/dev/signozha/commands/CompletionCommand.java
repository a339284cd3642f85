package dev.signozha.commands;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script.",
                "bash: source <(signoz-ha completion bash)",
                "zsh:  source <(signoz-ha completion zsh)"})
final class CompletionCommand implements Callable<Integer> {

    /** Shells with completion support. */
    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @Override
    public Integer call() {
        // picocli's script serves both: under zsh it loads bashcompinit itself.
        String script = AutoComplete.bash("signoz-ha", spec.root().commandLine());
        String preamble = shell == Shell.zsh ? "# zsh: uses bash completion through bashcompinit\n" : "";
        spec.commandLine().getOut().print(preamble + script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
