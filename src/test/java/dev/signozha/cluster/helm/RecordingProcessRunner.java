package dev.signozha.cluster.helm;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A ProcessRunner that records every command line and answers with scripted results, in order. */
final class RecordingProcessRunner implements ProcessRunner {

    /** One recorded run. */
    record Call(List<String> argv, Map<String, String> env, Duration timeout) {}

    private final Deque<Object> replies = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();

    RecordingProcessRunner ok(String stdout) {
        replies.add(new ProcessResult(0, stdout, "", false));
        return this;
    }

    RecordingProcessRunner fails(int exitCode, String stderr) {
        replies.add(new ProcessResult(exitCode, "", stderr, false));
        return this;
    }

    RecordingProcessRunner reply(ProcessResult result) {
        replies.add(result);
        return this;
    }

    RecordingProcessRunner timesOut() {
        replies.add(new ProcessResult(143, "", "", true));
        return this;
    }

    RecordingProcessRunner cannotStart() {
        replies.add(new IOException("Cannot run program \"helm\": error=2, No such file or directory"));
        return this;
    }

    @Override
    public ProcessResult run(List<String> argv, Map<String, String> extraEnv, Duration timeout) throws IOException {
        calls.add(new Call(argv, extraEnv, timeout));
        Object reply = replies.poll();
        if (reply == null) {
            throw new AssertionError("unexpected command: " + argv);
        }
        if (reply instanceof IOException e) {
            throw e;
        }
        return (ProcessResult) reply;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<List<String>> argvs() {
        return calls.stream().map(Call::argv).toList();
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
