package dev.signozha.commands;

/**
 * {@link FuzzedInputTest}'s whole sequence: 1,020 malformed topology files and 500 malformed snapshots, about
 * five times the fast loop's sample.
 */
class FuzzedInputIT extends FuzzedInputTest {

    @Override
    int topologyRounds() {
        return 34;
    }

    @Override
    int snapshotRounds() {
        return 50;
    }
}
