package dev.tokenx.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tokenx.gateway");

    @Test
    void domain_and_application_code_is_plain_java() {
        noClasses()
                .that()
                .resideInAnyPackage("..domain..", "..application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "reactor..",
                        "io.netty..",
                        "tools.jackson..",
                        "com.fasterxml.jackson..",
                        "com.nimbusds..",
                        "jakarta..")
                .check(GATEWAY);
    }

    @Test
    void the_domain_knows_nothing_of_the_use_cases_or_adapters() {
        noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..application..", "..web..", "..crypto..")
                .check(GATEWAY);
    }

    @Test
    void token_verification_does_not_depend_on_the_dev_only_issuer() {
        noClasses()
                .that()
                .resideInAPackage("dev.tokenx.gateway.auth.jwt..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.tokenx.gateway.auth.token..")
                .check(GATEWAY);
    }

    @Test
    void problems_and_request_ids_depend_on_no_feature() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.tokenx.gateway.problem..", "dev.tokenx.gateway.requestid..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.tokenx.gateway.auth..", "dev.tokenx.gateway.routing..")
                .check(GATEWAY);
    }

    @Test
    void only_the_limiter_talks_to_redis() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.tokenx.gateway.ratelimit", "dev.tokenx.gateway.ratelimit.redis..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.redisson..")
                .check(GATEWAY);
    }

    @Test
    void the_limiters_use_cases_know_neither_http_nor_redis() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.tokenx.gateway.ratelimit.domain..", "dev.tokenx.gateway.ratelimit.application..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.tokenx.gateway.ratelimit.web..", "dev.tokenx.gateway.ratelimit.redis..", "io.micrometer..")
                .check(GATEWAY);
    }

    @Test
    void packages_are_free_of_cycles() {
        slices().matching("dev.tokenx.gateway.(**)").should().beFreeOfCycles().check(GATEWAY);
    }

    @Test
    void dependencies_come_through_constructors_and_configuration_records() {
        noFields()
                .should()
                .beAnnotatedWith(Autowired.class)
                .orShould()
                .beAnnotatedWith(Value.class)
                .check(GATEWAY);
    }
}
