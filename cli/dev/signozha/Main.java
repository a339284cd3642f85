package dev.signozha;

import dev.signozha.commands.Cli;

/** Entry point of signoz-ha. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
