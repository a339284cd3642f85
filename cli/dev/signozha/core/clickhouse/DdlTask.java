package dev.signozha.core.clickhouse;

import java.time.Instant;

/** An unfinished entry of system.distributed_ddl_queue on one host. */
public record DdlTask(String entry, String host, String status, Instant created, String query) {}
