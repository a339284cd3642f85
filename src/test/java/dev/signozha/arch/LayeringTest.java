package dev.signozha.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchConditions.accessField;
import static com.tngtech.archunit.lang.conditions.ArchConditions.callMethod;
import static com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import dev.signozha.Main;
import java.util.Set;

/**
 * The pure core does no I/O and knows no adapters, checks or CLI; checks read only what they are given; commands
 * stay thin. Checked by ArchUnit on the compiled classes, so every reference counts (a fully-qualified name, a
 * method's return type), not only the import lines.
 */
@AnalyzeClasses(locations = LayeringTest.ProductClasses.class)
class LayeringTest {

    private static final String KUBE_CLIENT = "io.fabric8.kubernetes.client..";
    private static final String JDBC = "java.sql..";
    private static final String PICOCLI = "picocli..";
    private static final String FILES = "java.nio.file..";
    private static final String NETWORK = "java.net..";
    private static final String CORE = "dev.signozha.core..";
    private static final String CHECKS = "dev.signozha.checks..";
    private static final String CLUSTER = "dev.signozha.cluster..";
    private static final String ACTIONS = "dev.signozha.actions..";
    private static final String COMMANDS = "dev.signozha.commands..";

    private static final ArchCondition<JavaClass> READ_THE_ENVIRONMENT = callMethod(System.class, "getenv")
            .or(callMethod(System.class, "getenv", String.class))
            .as("read the environment");
    private static final ArchCondition<JavaClass> PRINT_TO_STDOUT =
            accessField(System.class, "out").as("print to stdout");
    private static final ArchCondition<JavaClass> PRINT =
            PRINT_TO_STDOUT.or(accessField(System.class, "err")).as("print to stdout or stderr");

    @ArchTest
    static final ArchRule core_isPure = noClasses()
            .that()
            .resideInAPackage(CORE)
            .should(dependOnClassesThat(
                    resideInAnyPackage(KUBE_CLIENT, JDBC, PICOCLI, FILES, NETWORK, CHECKS, CLUSTER, ACTIONS, COMMANDS)))
            .orShould(dependOnClassesThat(assignableTo(ProcessBuilder.class)))
            .orShould(READ_THE_ENVIRONMENT)
            .orShould(PRINT);

    @ArchTest
    static final ArchRule checks_readOnlyWhatTheyAreGiven = noClasses()
            .that()
            .resideInAPackage(CHECKS)
            .should(dependOnClassesThat(
                    resideInAnyPackage(KUBE_CLIENT, JDBC, PICOCLI, FILES, NETWORK, CLUSTER, ACTIONS, COMMANDS)))
            .orShould(READ_THE_ENVIRONMENT)
            .orShould(PRINT);

    @ArchTest
    static final ArchRule cluster_adaptersKnowNoChecksActionsOrCli = noClasses()
            .that()
            .resideInAPackage(CLUSTER)
            .should(dependOnClassesThat(resideInAnyPackage(PICOCLI, CHECKS, ACTIONS, COMMANDS)))
            .orShould(PRINT_TO_STDOUT);

    @ArchTest
    static final ArchRule actions_knowNoCli = noClasses()
            .that()
            .resideInAPackage(ACTIONS)
            .should(dependOnClassesThat(resideInAnyPackage(PICOCLI, COMMANDS)))
            .orShould(PRINT);

    @ArchTest
    static final ArchRule commands_stayThin = noClasses()
            .that()
            .resideInAPackage(COMMANDS)
            .should(dependOnClassesThat(resideInAnyPackage(KUBE_CLIENT, JDBC)))
            .orShould(callMethod(System.class, "exit", int.class))
            .orShould(PRINT_TO_STDOUT);

    /**
     * The product's own classes: where Main was compiled to (target/classes). Looking a package up instead scans
     * every jar on the test class path, a quarter of this test's time.
     */
    static final class ProductClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(
                    Location.of(Main.class.getProtectionDomain().getCodeSource().getLocation()));
        }
    }
}
