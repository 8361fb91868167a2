package dev.tokenx.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md for this service: packages by feature with a hexagon inside. */
class ArchitectureTest {

    private static final String BASE_PACKAGE = "dev.tokenx.notifications";
    private static final String KAFKA_LISTENER = "org.springframework.kafka.annotation.KafkaListener";

    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE_PACKAGE);

    @Test
    void imports_the_production_classes_of_this_service() {
        // Guards the rules below against passing vacuously because the import found nothing.
        assertThat(PRODUCTION_CLASSES.contain(NotificationServiceApplication.class))
                .isTrue();
    }

    @Test
    void packages_have_no_cycles() {
        // Every package, the base package included, is its own slice: a cycle between two layers of one
        // feature fails as well as one between features.
        slices().matching("dev.tokenx.(**)").should().beFreeOfCycles().check(PRODUCTION_CLASSES);
    }

    @Test
    void domain_depends_on_neither_spring_nor_infrastructure() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "reactor..",
                        "io.netty..",
                        "io.r2dbc..",
                        "java.sql..",
                        "jakarta.persistence..",
                        "org.apache.kafka..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "org.redisson..",
                        "io.lettuce..",
                        "org.web3j..",
                        "com.pusher..",
                        "..application..",
                        "..web..",
                        "..persistence..",
                        "..messaging..")
                .check(PRODUCTION_CLASSES);
    }

    @Test
    void kafka_listener_methods_live_in_messaging() {
        methods()
                .that()
                .areMetaAnnotatedWith(KAFKA_LISTENER)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("..messaging..")
                .check(PRODUCTION_CLASSES);
    }

    @Test
    void kafka_listener_classes_live_in_messaging() {
        classes()
                .that()
                .areMetaAnnotatedWith(KAFKA_LISTENER)
                .should()
                .resideInAPackage("..messaging..")
                // The listeners here are annotated methods; this rule catches a class-level listener elsewhere.
                .allowEmptyShould(true)
                .check(PRODUCTION_CLASSES);
    }

    @Test
    void adapters_reach_each_other_only_through_the_application_layer() {
        noClasses()
                .that()
                .resideInAnyPackage("..web..", "..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..", "..pusher..", "org.redisson..", "com.pusher..")
                .check(PRODUCTION_CLASSES);
    }
}
