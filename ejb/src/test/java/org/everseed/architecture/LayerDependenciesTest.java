package org.everseed.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the server's core point one way: {@code application} and {@code infrastructure}
 * both depend on {@code domain}, never on each other, and the domain on neither. Issue 19 found
 * them importing each other (the publishing service and the web seed used the concrete payload
 * store, which read the application's settings) and returning REST documents; these rules keep that
 * from coming back.
 */
class LayerDependenciesTest {
  private static JavaClasses server;

  @BeforeAll
  static void importServerClasses() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                "org.everseed.domain", "org.everseed.application", "org.everseed.infrastructure");
  }

  @Test
  void applicationDoesNotUseInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("org.everseed.application..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.everseed.infrastructure..")
        .because("application services reach storage and settings through domain ports")
        .check(server);
  }

  @Test
  void infrastructureDoesNotUseApplication() {
    noClasses()
        .that()
        .resideInAPackage("org.everseed.infrastructure..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.everseed.application..")
        .because("infrastructure implements domain ports and produces domain settings")
        .check(server);
  }

  @Test
  void domainDependsOnNeitherApplicationNorInfrastructure() {
    noClasses()
        .that()
        .resideInAPackage("org.everseed.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.everseed.application..", "org.everseed.infrastructure..")
        .check(server);
  }

  @Test
  void restDocumentsAreMappedByTheWebAdaptersOnly() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.everseed.api.rest..")
        .because("services return domain and application records; interfaces map them to DTOs")
        .check(server);
  }

  @Test
  void noCycleBetweenLayers() {
    slices().matching("org.everseed.(*)..").should().beFreeOfCycles().check(server);
  }
}
