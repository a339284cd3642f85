package dev.signozha.commands;

import picocli.CommandLine.Mixin;

/**
 * What deploy and upgrade both take: the change's options, the cluster, helm, ClickHouse access, the output format
 * and colour, templates.
 */
public final class RunOptions {

    @Mixin
    ChangeOptions change;

    @Mixin
    KubeOptions kube;

    @Mixin
    HelmOption helm;

    @Mixin
    ClickHouseOptions clickhouse;

    @Mixin
    OutputOptions output;

    @Mixin
    TemplatesOption templates;
}
