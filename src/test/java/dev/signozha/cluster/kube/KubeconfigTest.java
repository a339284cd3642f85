package dev.signozha.cluster.kube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signozha.core.ExitCode;
import dev.signozha.core.InvalidInputException;
import dev.signozha.core.SignozHaException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which kubeconfig is in effect, and how its files are checked and merged, as kubectl does. */
class KubeconfigTest {

    @Test
    void source_nothingAnywhere_isEmpty(@TempDir Path home) {
        assertEquals(Optional.empty(), Kubeconfig.Source.find(null, null, home));
        assertEquals(Optional.empty(), Kubeconfig.Source.find(null, "", home));
    }

    @Test
    void source_flagBeatsEnvironmentBeatsHome(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Path standard = Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\n");
        assertEquals(
                List.of(home.resolve("flag")),
                Kubeconfig.Source.find(home.resolve("flag"), "/a", home)
                        .orElseThrow()
                        .files());
        assertEquals(
                List.of(Path.of("/a"), Path.of("/b")),
                Kubeconfig.Source.find(null, "/a" + File.pathSeparator + File.pathSeparator + "/b", home)
                        .orElseThrow()
                        .files());
        assertEquals(
                List.of(standard),
                Kubeconfig.Source.find(null, null, home).orElseThrow().files());
    }

    @Test
    void read_aMissingFileOfTheEnvironment_isBadInputNamingIt(@TempDir Path dir) throws Exception {
        Path real = Files.writeString(dir.resolve("real"), config("a", "https://a:6443", "a"));
        Path typo = dir.resolve("typo");
        SignozHaException e = assertThrows(
                SignozHaException.class,
                () -> Kubeconfig.read(Kubeconfig.Source.find(null, real + File.pathSeparator + typo, dir)
                        .orElseThrow()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertEquals(typo + ": no such kubeconfig file (named by KUBECONFIG)", e.getMessage());
    }

    @Test
    void read_severalFiles_mergeWithTheFirstWinning(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("first"), config("shared", "https://first:6443", "shared"));
        Path second = Files.writeString(
                dir.resolve("second"),
                config("shared", "https://second:6443", "other")
                        + "- {name: extra, context: {cluster: shared, user: u}}\n");
        Kubeconfig merged = Kubeconfig.read(new Kubeconfig.Source("KUBECONFIG", List.of(first, second)));
        assertEquals("shared", merged.context(null), "the first current-context wins");
        assertEquals("https://first:6443", merged.server("shared"), "the first cluster of a name wins");
        assertEquals("extra", merged.context("extra"), "contexts only the second file has are there");
        assertEquals("https://first:6443/", merged.config("extra").getMasterUrl());
    }

    @Test
    void read_relativeCertificatePaths_resolveAgainstTheirOwnFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path file = Files.writeString(
                dir.resolve("sub/config"),
                config("a", "https://a:6443", "a")
                        .replace(
                                "{server: \"https://a:6443\"}",
                                "{server: \"https://a:6443\", certificate-authority: ca.crt}"));
        Files.writeString(dir.resolve("sub/ca.crt"), "");
        Kubeconfig kubeconfig = Kubeconfig.read(new Kubeconfig.Source("KUBECONFIG", List.of(file)));
        assertEquals(
                dir.resolve("sub/ca.crt").toString(), kubeconfig.config("a").getCaCertFile());
    }

    @Test
    void context_unknownOrUnset_isBadInputListingTheContexts(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), config("a", "https://a:6443", ""));
        Kubeconfig kubeconfig = Kubeconfig.read(new Kubeconfig.Source("--kubeconfig", List.of(file)));
        assertEquals(
                "--context b is not a context of " + file + "; its contexts: a",
                assertThrows(SignozHaException.class, () -> kubeconfig.context("b"))
                        .getMessage());
        assertEquals(
                file + " sets no current-context; choose one with --context (contexts: a)",
                assertThrows(SignozHaException.class, () -> kubeconfig.context(null))
                        .getMessage());
    }

    @Test
    void read_wrongShape_namesFileLineAndKey(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "apiVersion: v1\ncontexts:\n  name: a\n");
        InvalidInputException e = assertThrows(
                InvalidInputException.class,
                () -> Kubeconfig.read(new Kubeconfig.Source("--kubeconfig", List.of(file))));
        assertTrue(
                e.getMessage().startsWith(file + ":2:1 contexts: expected a list of named contexts"), e.getMessage());
    }

    private static String config(String name, String server, String current) {
        return """
                apiVersion: v1
                kind: Config
                current-context: "%s"
                clusters: [{name: %s, cluster: {server: "%s"}}]
                users: [{name: u, user: {token: t}}]
                contexts:
                - {name: %s, context: {cluster: %s, user: u}}
                """.formatted(current, name, server, name, name);
    }
}
