package org.everseed.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI example in {@code docs/security.md} works as written: the test runs the documented shell
 * block with bash and curl against the real Keycloak and server, so the document cannot drift.
 */
@ExtendWith(SystemExtension.class)
class CiPipelineIT {
  private static final String BEGIN = "<!-- ci-example: begin -->";
  private static final String END = "<!-- ci-example: end -->";

  @TempDir Path work;

  @Test
  void ciServiceAccountPublishesWithAClientCredentialsTokenAsDocumented(EverseedSystem system)
      throws Exception {
    Path artifact = Files.writeString(work.resolve("app-1.0.0.tar"), "built by CI\n".repeat(1000));

    Result run = runExample(system, Keycloak.CI_SECRET, artifact, "1.0.0");

    assertEquals(0, run.exitCode(), run.output());
    assertTrue(run.output().contains("\"channel\":\"releases/ci-demo\""), run.output());
    assertTrue(
        run.output().contains("\"publisher\":\"service-account-ci-pipeline\""), run.output());
    String infoHash = Json.string(run.output(), "infoHash");
    assertTrue(infoHash.matches("[0-9a-f]{40}"), infoHash);
    long releaseId = Json.number(run.output(), "id");
    assertTrue(run.output().contains("/api/v1/releases/" + releaseId + "/magnet"), run.output());
  }

  @Test
  void ciExampleWithAWrongSecretFailsThePipeline(EverseedSystem system) throws Exception {
    Path artifact = Files.writeString(work.resolve("app-1.0.1.tar"), "never published\n");

    Result run = runExample(system, "not-the-secret", artifact, "1.0.1");

    assertNotEquals(0, run.exitCode(), run.output());
    assertTrue(
        run.output().contains("unauthorized_client") || run.output().contains("401"), run.output());
  }

  private record Result(int exitCode, String output) {}

  private static Result runExample(
      EverseedSystem system, String secret, Path artifact, String version) throws Exception {
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", documentedExample())
            .redirectErrorStream(true);
    bash.environment().put("EVERSEED_URL", system.wildFly().baseUrl());
    bash.environment().put("EVERSEED_OIDC_PROVIDER_URL", system.keycloak().providerUrl());
    bash.environment().put("CI_CLIENT_SECRET", secret);
    bash.environment().put("ARTIFACT", artifact.toString());
    bash.environment().put("BUILD_VERSION", version);
    Process process = bash.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the documented example hung");
    return new Result(process.exitValue(), output);
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
