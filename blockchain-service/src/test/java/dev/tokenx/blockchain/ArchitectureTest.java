package dev.tokenx.blockchain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

/** The package rules of STYLE.md for this service: packages by feature with a hexagon inside. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenx.blockchain");

    @Test
    void the_domain_is_plain_java() {
        classes()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.tokenx.blockchain..domain..")
                .because("the settlement decides; frameworks, storage, the chain and messaging are adapters around it")
                .check(SERVICE);
    }

    @Test
    void use_cases_do_not_know_their_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..web..",
                        "..persistence..",
                        "..messaging..",
                        "..web3j..",
                        "..tracking..",
                        "org.web3j..",
                        "org.springframework.r2dbc..",
                        "io.r2dbc..",
                        "org.springframework.kafka..",
                        "org.apache.kafka..")
                .because("use cases talk to ports and append to the outbox; adapters do the talking")
                .check(SERVICE);
    }

    @Test
    void only_the_web3j_adapter_and_the_network_client_talk_to_the_chain() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..settlement.web3j..", "dev.tokenx.blockchain.network")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.web3j..", "dev.tokenx.contracts..")
                .check(SERVICE);
    }

    @Test
    void only_messaging_talks_to_kafka() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.kafka..", "org.apache.kafka..")
                .because("use cases append to the outbox; the outbox relay publishes")
                .check(SERVICE);
    }

    @Test
    void controllers_never_touch_storage_or_the_chain() {
        noClasses()
                .that()
                .resideInAPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..persistence..", "..web3j..", "org.springframework.r2dbc..", "io.r2dbc..", "org.web3j..")
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
    void packages_are_free_of_cycles() {
        slices().matching("dev.tokenx.blockchain.(**)")
                .should()
                .beFreeOfCycles()
                .check(SERVICE);
    }
}
