package dev.signozha.commands;

import picocli.CommandLine.Mixin;

/** What deploy and upgrade both take: the change's options, the cluster, helm, ClickHouse access, colour, templates. */
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
    ColorOption color;

    @Mixin
    TemplatesOption templates;
}
