package dev.tokenx.orders;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

/** The package tree is the architecture (STYLE.md); these rules keep it so. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenx.orders");

    @Test
    void the_domain_is_plain_java() {
        classes()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.tokenx.orders..domain..", "dev.tokenx.orders.shared.money..")
                .because("aggregates decide; frameworks, storage and messaging are adapters around them")
                .check(SERVICE);
    }

    @Test
    void use_cases_do_not_know_their_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..web..", "..persistence..", "..cache..", "..messaging..")
                .check(SERVICE);
    }

    @Test
    void controllers_never_touch_storage() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .and()
                .resideOutsideOfPackage("dev.tokenx.orders.shared..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..persistence..", "org.springframework.r2dbc..", "io.r2dbc..", "org.redisson..")
                .check(SERVICE);
    }

    @Test
    void only_the_outbox_relay_talks_to_kafka_producers() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.tokenx.orders.outbox..")
                .and()
                .resideOutsideOfPackage("..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
                .because("use cases append to the outbox; the relay publishes")
                .check(SERVICE);
    }

    @Test
    void kafka_listeners_live_in_messaging_packages() {
        methods()
                .that()
                .areAnnotatedWith(KafkaListener.class)
                .should()
                .beDeclaredInClassesThat()
                .resideInAPackage("..messaging..")
                .allowEmptyShould(true)
                .check(SERVICE);
        classes()
                .that()
                .areAnnotatedWith(KafkaListener.class)
                .should()
                .resideInAPackage("..messaging..")
                .allowEmptyShould(true)
                .check(SERVICE);
    }

    @Test
    void the_error_mapping_knows_no_driver() {
        noClasses()
                .that()
                .resideInAPackage("dev.tokenx.orders.shared.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.r2dbc..", "io.r2dbc..", "org.redisson..", "org.apache.kafka..")
                .check(SERVICE);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.tokenx.orders.(*).(*)..")
                .should()
                .beFreeOfCycles()
                .check(SERVICE);
    }

    @Test
    void features_are_free_of_cycles_apart_from_the_one_error_mapping() {
        slices().matching("dev.tokenx.orders.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(resideInAPackage("dev.tokenx.orders.shared.web.."), alwaysTrue())
                .check(SERVICE);
    }
}
