package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CI example in {@code docs/security.md} works as written: the test runs the documented shell
 * block with bash and curl against the real Keycloak and server, so the document cannot drift.
 */
@ExtendWith(SystemExtension.class)
class CiPipelineIT {
  private static final String BEGIN = "<!-- ci-example: begin -->";
  private static final String END = "<!-- ci-example: end -->";

  @Test
  void ciServiceAccountPublishesWithAClientCredentialsTokenAsDocumented(EverseedSystem system)
      throws Exception {
    String script = documentedExample();
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true);
    bash.environment().put("EVERSEED_URL", system.wildFly().baseUrl());
    bash.environment().put("EVERSEED_OIDC_PROVIDER_URL", system.keycloak().providerUrl());
    bash.environment().put("CI_CLIENT_SECRET", Keycloak.CI_SECRET);

    Process process = bash.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the documented example hung");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("\"name\":\"releases/ci-demo\""), output);
    String channels =
        Web.get(system.wildFly().baseUrl() + "/api/v1/channels", RoleEnforcementIT.ci(system))
            .body();
    assertTrue(channels.contains("\"name\":\"releases/ci-demo\""), channels);
  }

  @Test
  void ciExampleWithAWrongSecretFails(EverseedSystem system) throws Exception {
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", documentedExample())
            .redirectErrorStream(true);
    bash.environment().put("EVERSEED_URL", system.wildFly().baseUrl());
    bash.environment().put("EVERSEED_OIDC_PROVIDER_URL", system.keycloak().providerUrl());
    bash.environment().put("CI_CLIENT_SECRET", "not-the-secret");

    Process process = bash.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the documented example hung");

    assertTrue(process.exitValue() != 0, "a wrong client secret must fail the pipeline");
  }

  /** The shell block between the ci-example markers of docs/security.md. */
  static String documentedExample() throws IOException {
    Path doc = Path.of(System.getProperty("everseed.docs.dir", "../docs")).resolve("security.md");
    List<String> lines = Files.readAllLines(doc);
    int begin = lines.indexOf(BEGIN);
    int end = lines.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "no ci-example markers in " + doc);
    List<String> block = lines.subList(begin + 1, end);
    assertTrue(block.get(0).startsWith("```"), "the example must be a fenced block");
    return String.join("\n", block.subList(1, block.size() - 1)) + "\n";
  }
}
