package dev.signozha.core.clickhouse;

import java.util.List;
import java.util.Optional;

/**
 * How one host stores SigNoz's data: the tables of the SigNoz databases with their engines, its disks (empty when
 * the server has no system.disks, before ClickHouse 19.15), the partitions with the most active parts, and the
 * merge_tree setting parts_to_throw_insert (0 when unknown) past which inserts into a partition fail.
 */
public record HostStorage(
        List<TableEngine> tables,
        Optional<List<DiskUsage>> disks,
        List<PartitionParts> busiestPartitions,
        long partsToThrowInsert) {

    public static final HostStorage NOT_READ = new HostStorage(List.of(), Optional.empty(), List.of(), 0);

    /** One table of a SigNoz database and its engine as system.tables names it (MergeTree, ReplicatedMergeTree...). */
    public record TableEngine(String database, String table, String engine) {
        public String name() {
            return database + "." + table;
        }
    }

    /** One row of system.disks. */
    public record DiskUsage(String name, String path, long freeBytes, long totalBytes) {
        /** The share of the disk in use, 0 to 100; 0 for a disk that reports no size. */
        public double usedPercent() {
            return totalBytes <= 0 ? 0 : 100.0 * (totalBytes - freeBytes) / totalBytes;
        }
    }

    /** The active parts of one partition of a table. */
    public record PartitionParts(String database, String table, String partition, long activeParts) {
        public String name() {
            return database + "." + table + " partition " + partition;
        }
    }
}
