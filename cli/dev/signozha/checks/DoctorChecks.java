package dev.signozha.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The checks doctor runs against Kubernetes objects, in catalogue order. */
public final class DoctorChecks {

    private DoctorChecks() {
    }

    public static List<Check> kubernetes() {
        List<Check> checks = new ArrayList<>();
        checks.addAll(ClickHouseChecks.all());
        checks.addAll(ConnectivityChecks.all());
        checks.addAll(MigrationChecks.all());
        checks.addAll(SchedulingChecks.all());
        checks.addAll(ZooKeeperChecks.all());
        checks.addAll(ResourceChecks.all());
        checks.addAll(SecurityChecks.all());
        List<CheckSpec> order = CheckCatalog.kubernetes();
        checks.sort(Comparator.comparingInt(check -> order.indexOf(check.spec())));
        return List.copyOf(checks);
    }
}
