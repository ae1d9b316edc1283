package org.everseed.container.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.everseed.application.catalog.DuplicateReleaseException;
import org.everseed.application.catalog.NotAllowedException;
import org.everseed.application.catalog.ReleaseNotFoundException;
import org.everseed.application.fleet.Roles;
import org.everseed.application.publishing.UploadRejectedException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds the micro-deployments: a WAR with the domain, the persistence and settings adapters, the
 * schema migrations, Flyway, and whatever application packages one test class needs, added by
 * package (never class by class). The EAR's layout is not needed in-container: EJBs and JPA work
 * the same in a WAR.
 */
public final class Deployments {
  private Deployments() {}

  /**
   * The base every in-container test deploys: the api module, the domain, persistence, settings,
   * the exceptions the ejb-jar.xml names, and these test helpers.
   */
  public static WebArchive base(String name) {
    Path ejbClasses = Path.of(System.getProperty("everseed.ejb.classes", "../ejb/target/classes"));
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .addPackages(true, "org.everseed.api")
            .addPackages(true, "org.everseed.domain")
            .addPackages(true, "org.everseed.infrastructure.persistence")
            .addPackage("org.everseed.infrastructure.settings")
            .addClasses(
                Roles.class,
                DuplicateReleaseException.class,
                ReleaseNotFoundException.class,
                NotAllowedException.class,
                UploadRejectedException.class,
                UploadRejectedException.Reason.class)
            .addPackage(Deployments.class.getPackage())
            .addAsWebInfResource(ejbClasses.resolve("META-INF/ejb-jar.xml").toFile(), "ejb-jar.xml")
            .addAsWebInfResource(ejbClasses.resolve("META-INF/beans.xml").toFile(), "beans.xml")
            .addAsResource(
                ejbClasses.resolve("META-INF/persistence.xml").toFile(), "META-INF/persistence.xml")
            .addAsResource(
                ejbClasses
                    .resolve("META-INF/services/org.hibernate.integrator.spi.Integrator")
                    .toFile(),
                "META-INF/services/org.hibernate.integrator.spi.Integrator");
    for (Path migration : list(ejbClasses.resolve("db/migration"))) {
      war.addAsResource(migration.toFile(), "db/migration/" + migration.getFileName());
    }
    for (Path library : list(Path.of(System.getProperty("everseed.deployment.libs")))) {
      war.addAsLibrary(library.toFile());
    }
    return war;
  }

  private static java.util.List<Path> list(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }
}
