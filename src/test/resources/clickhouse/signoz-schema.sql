-- SigNoz's tables that the tool reads, written from SigNoz's schema migrator (signoz-otel-collector,
-- cmd/signozschemamigrator/schema_migrator: v2_squashed_logs_migration.go 7-8, traces_migrations.go 1000,
-- squashed_metrics_migrations.go 7-8, schema_migrations_v2_tables.go): column names, types, codecs, partitioning,
-- ordering, TTL and settings as the migrator creates them; each table keeps the columns the tool's queries read
-- plus those its key, partition and TTL need. The local tables are MergeTree as the migrator creates them with
-- replication off: the engine under test has no ZooKeeper, so ReplicatedMergeTree cannot be created on it (the
-- local 18.16 cluster covers Replicated tables). The distributed tables are SigNoz's, over the engine's one-host
-- cluster 'cluster'. Statements end with a semicolon at the end of a line (ChDb.script).
CREATE DATABASE IF NOT EXISTS signoz_traces;
CREATE DATABASE IF NOT EXISTS signoz_logs;
CREATE DATABASE IF NOT EXISTS signoz_metrics;
CREATE DATABASE IF NOT EXISTS signoz_metadata;
CREATE DATABASE IF NOT EXISTS signoz_analytics;
CREATE DATABASE IF NOT EXISTS signoz_meter;

CREATE TABLE signoz_traces.signoz_index_v3 (
    ts_bucket_start UInt64 CODEC(DoubleDelta, LZ4),
    resource_fingerprint String CODEC(ZSTD(1)),
    timestamp DateTime64(9) CODEC(DoubleDelta, LZ4),
    trace_id FixedString(32) CODEC(ZSTD(1)),
    span_id String CODEC(ZSTD(1)),
    name LowCardinality(String) CODEC(ZSTD(1)),
    kind Int8 CODEC(T64, ZSTD(1)),
    duration_nano UInt64 CODEC(T64, ZSTD(1)),
    status_code Int16 CODEC(T64, ZSTD(1)),
    has_error Bool CODEC(T64, ZSTD(1)),
    attributes_string Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    resources_string Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    `resource_string_service$$name` LowCardinality(String) DEFAULT resources_string['service.name'] CODEC(ZSTD(1)),
    serviceName LowCardinality(String) ALIAS `resource_string_service$$name`,
    INDEX idx_trace_id trace_id TYPE tokenbf_v1(10000, 5, 0) GRANULARITY 1,
    INDEX idx_timestamp timestamp TYPE minmax GRANULARITY 1
) ENGINE = MergeTree
PARTITION BY toDate(timestamp)
ORDER BY (ts_bucket_start, resource_fingerprint, has_error, name, timestamp)
TTL toDateTime(timestamp) + toIntervalSecond(1296000)
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

CREATE TABLE signoz_traces.distributed_signoz_index_v3 AS signoz_traces.signoz_index_v3
ENGINE = Distributed('cluster', 'signoz_traces', 'signoz_index_v3', cityHash64(trace_id));

CREATE TABLE signoz_logs.logs_v2 (
    ts_bucket_start UInt64 CODEC(DoubleDelta, LZ4),
    resource_fingerprint String CODEC(ZSTD(1)),
    timestamp UInt64 CODEC(DoubleDelta, LZ4),
    observed_timestamp UInt64 CODEC(DoubleDelta, LZ4),
    id String CODEC(ZSTD(1)),
    severity_text LowCardinality(String) CODEC(ZSTD(1)),
    severity_number UInt8,
    body String CODEC(ZSTD(2)),
    attributes_string Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    resources_string Map(LowCardinality(String), String) CODEC(ZSTD(1)),
    _retention_days UInt16 DEFAULT 15,
    _retention_days_cold UInt16 DEFAULT 0,
    INDEX body_index_v2_ngram lower(body) TYPE ngrambf_v1(4, 15000, 3, 0) GRANULARITY 1
) ENGINE = MergeTree
PARTITION BY (toDate(timestamp / 1000000000), _retention_days, _retention_days_cold)
ORDER BY (ts_bucket_start, resource_fingerprint, severity_text, timestamp, id)
TTL toDateTime(timestamp / 1000000000) + toIntervalDay(_retention_days)
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

CREATE TABLE signoz_logs.distributed_logs_v2 AS signoz_logs.logs_v2
ENGINE = Distributed('cluster', 'signoz_logs', 'logs_v2', cityHash64(id));

CREATE TABLE signoz_metrics.samples_v4 (
    env LowCardinality(String) DEFAULT 'default',
    temporality LowCardinality(String) DEFAULT 'Unspecified',
    metric_name LowCardinality(String),
    fingerprint UInt64 CODEC(Delta(8), ZSTD(1)),
    unix_milli Int64 CODEC(DoubleDelta, ZSTD(1)),
    value Float64 CODEC(Gorilla, ZSTD(1))
) ENGINE = MergeTree
PARTITION BY toDate(unix_milli / 1000)
ORDER BY (env, temporality, metric_name, fingerprint, unix_milli)
TTL toDateTime(unix_milli / 1000) + toIntervalSecond(2592000)
SETTINGS index_granularity = 8192, ttl_only_drop_parts = 1;

CREATE TABLE signoz_metrics.distributed_samples_v4 AS signoz_metrics.samples_v4
ENGINE = Distributed('cluster', 'signoz_metrics', 'samples_v4', cityHash64(env, temporality, metric_name, fingerprint));

CREATE TABLE signoz_traces.schema_migrations_v2 (
    migration_id UInt64, status String, error String, created_at DateTime64(9), updated_at DateTime64(9)
) ENGINE = ReplacingMergeTree ORDER BY migration_id PRIMARY KEY migration_id;
CREATE TABLE signoz_traces.distributed_schema_migrations_v2 AS signoz_traces.schema_migrations_v2
ENGINE = Distributed('cluster', 'signoz_traces', 'schema_migrations_v2', rand());
CREATE TABLE signoz_logs.schema_migrations_v2 AS signoz_traces.schema_migrations_v2;
CREATE TABLE signoz_logs.distributed_schema_migrations_v2 AS signoz_logs.schema_migrations_v2
ENGINE = Distributed('cluster', 'signoz_logs', 'schema_migrations_v2', rand());
CREATE TABLE signoz_metrics.schema_migrations_v2 AS signoz_traces.schema_migrations_v2;
CREATE TABLE signoz_metrics.distributed_schema_migrations_v2 AS signoz_metrics.schema_migrations_v2
ENGINE = Distributed('cluster', 'signoz_metrics', 'schema_migrations_v2', rand());
