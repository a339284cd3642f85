package dev.signozha.commands;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script.",
            "bash: source <(signoz-ha completion bash)",
            "zsh:  source <(signoz-ha completion zsh)",
            "fish: signoz-ha completion fish | source"
        })
final class CompletionCommand implements Callable<Integer> {

    /** Shells with completion support. */
    enum Shell {
        bash,
        zsh,
        fish
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private String script(picocli.CommandLine root) {
        if (shell == Shell.fish) {
            return FishCompletion.script(root);
        }
        // picocli's script serves bash and zsh: under zsh it loads bashcompinit itself.
        String preamble = shell == Shell.zsh ? "# zsh: uses bash completion through bashcompinit\n" : "";
        return preamble + AutoComplete.bash("signoz-ha", root);
    }
}
