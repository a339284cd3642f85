package dev.signozha.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every check doctor runs, in catalogue order: Kubernetes-level, then ClickHouse-level. */
public final class DoctorChecks {

    private DoctorChecks() {}

    /** The whole catalogue; Kubernetes checks skip when no Kubernetes objects were read. */
    public static List<Check> all() {
        List<Check> checks = new ArrayList<>();
        kubernetes()
                .forEach(check -> checks.add(Check.of(
                        check.spec(),
                        context -> context.kubernetes().isPresent()
                                ? check.run(context)
                                : Outcome.skip(
                                        "no Kubernetes objects were read (--clickhouse-url without --snapshot)"))));
        checks.addAll(ClickHouseHealthChecks.all());
        checks.addAll(ClickHouseStorageChecks.all());
        List<CheckSpec> order = CheckCatalog.all();
        checks.sort(Comparator.comparingInt(check -> order.indexOf(check.spec())));
        return List.copyOf(checks);
    }

    /** The checks judged from Kubernetes objects. */
    public static List<Check> kubernetes() {
        List<Check> checks = new ArrayList<>();
        checks.addAll(ClickHouseChecks.all());
        checks.addAll(ConnectivityChecks.all());
        checks.addAll(MigrationChecks.all());
        checks.addAll(SchedulingChecks.all());
        checks.addAll(ZooKeeperChecks.all());
        checks.addAll(ResourceChecks.all());
        checks.addAll(SecurityChecks.all());
        checks.addAll(RunChecks.all());
        List<CheckSpec> order = CheckCatalog.kubernetes();
        checks.sort(Comparator.comparingInt(check -> order.indexOf(check.spec())));
        return List.copyOf(checks);
    }
}
