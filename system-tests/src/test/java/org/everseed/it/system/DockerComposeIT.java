package org.everseed.it.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.everseed.system.WildFlyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code docker-compose.yml} honest where no Docker engine runs: it is parsed (anchors and
 * merge keys resolved as Compose does) and checked against the repository — the services an
 * operator expects, every {@code EVERSEED_*} variable read by the code, build contexts and
 * Dockerfiles that exist, declared volumes, unique host ports and service URLs that point at a
 * service's own port.
 */
class DockerComposeIT {
  private static final Pattern SERVICE_URL = Pattern.compile("https?://([a-z][a-z0-9-]*):(\\d+)");

  /** Where configuration is read: the server's code and WildFly script, the agent and its image. */
  private static final List<String> CODE_ROOTS =
      List.of(
          "api/src/main",
          "ejb/src/main",
          "web/src/main",
          "system/src/main",
          "distribution-agent/src/main",
          "distribution-agent/docker");

  private static Path root;
  private static Map<String, Map<String, Object>> services;
  private static Map<String, Object> compose;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void parse() throws IOException {
    root = Path.of(System.getProperty("everseed.root", "..")).toAbsolutePath().normalize();
    Path file = Path.of(System.getProperty("everseed.compose.file", "../docker-compose.yml"));
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      compose = new Yaml().load(reader);
    }
    services = (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  void describesTheWholeSystemWithThreeAgentsInTwoSites() {
    assertTrue(
        services.keySet().containsAll(List.of("postgres", "keycloak", "everseed")),
        services.keySet().toString());
    Set<String> sites = new TreeSet<>();
    int agents = 0;
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Map<String, String> env = environment(service.getValue());
      if (env.containsKey("EVERSEED_AGENT_CHANNELS")) {
        agents++;
        sites.add(env.getOrDefault("EVERSEED_AGENT_SITE", "default"));
      }
    }
    assertEquals(3, agents, "agent services");
    assertEquals(Set.of("berlin", "paris"), sites);
  }

  @Test
  void everyEverseedVariableIsReadByTheCode() throws IOException {
    String code = codeText();
    List<String> unread = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (String name : environment(service.getValue()).keySet()) {
        if (name.startsWith("EVERSEED_") && !code.contains(name)) {
          unread.add(service.getKey() + ": " + name);
        }
      }
    }
    assertEquals(List.of(), unread, "variables set in docker-compose.yml that no code reads");
  }

  @Test
  @SuppressWarnings("unchecked")
  void buildContextsDockerfilesAndBindMountsExist() throws IOException {
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Object build = service.getValue().get("build");
      boolean healthcheck = service.getValue().containsKey("healthcheck");
      if (build != null) {
        Map<String, Object> b = (Map<String, Object>) build;
        Path context = root.resolve((String) b.get("context")).normalize();
        Path dockerfile = context.resolve((String) b.getOrDefault("dockerfile", "Dockerfile"));
        assertTrue(Files.isDirectory(context), service.getKey() + ": no context " + context);
        assertTrue(Files.isRegularFile(dockerfile), service.getKey() + ": no " + dockerfile);
        String text = Files.readString(dockerfile);
        healthcheck |= text.contains("HEALTHCHECK");
        for (Matcher m = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(\\S+) ").matcher(text);
            m.find(); ) {
          assertTrue(
              Files.exists(context.resolve(m.group(1))),
              dockerfile + " copies " + m.group(1) + ", which does not exist");
        }
      } else {
        assertTrue(service.getValue().containsKey("image"), service.getKey() + ": no image");
      }
      assertTrue(healthcheck, service.getKey() + " has no health check");
      for (Object volume : list(service.getValue().get("volumes"))) {
        String source = volume.toString().split(":")[0];
        if (source.startsWith(".") || source.startsWith("/")) {
          assertTrue(Files.exists(root.resolve(source)), service.getKey() + ": no " + source);
        }
      }
    }
  }

  @Test
  void namedVolumesAreDeclaredAndUsed() {
    Set<String> declared = new HashSet<>(map(compose.get("volumes")).keySet());
    Set<String> used = new HashSet<>();
    for (Map<String, Object> service : services.values()) {
      for (Object volume : list(service.get("volumes"))) {
        String source = volume.toString().split(":")[0];
        if (!source.startsWith(".") && !source.startsWith("/")) {
          used.add(source);
        }
      }
    }
    assertEquals(declared, used, "named volumes declared vs used");
    assertTrue(used.containsAll(List.of("database", "payloads")), used.toString());
  }

  @Test
  void hostPortsAreUniqueAndServiceUrlsPointAtAServicesPort() {
    Map<String, String> hostPorts = new HashMap<>();
    Map<String, Set<String>> containerPorts = new HashMap<>();
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      Set<String> ports = new HashSet<>();
      for (Object port : list(service.getValue().get("ports"))) {
        String[] parts = port.toString().split(":");
        String host = parts[parts.length - 2];
        String previous = hostPorts.put(host, service.getKey());
        if (previous != null) {
          fail("host port " + host + " published by " + previous + " and " + service.getKey());
        }
        ports.add(parts[parts.length - 1]);
      }
      containerPorts.put(service.getKey(), ports);
    }
    assertTrue(
        containerPorts.get("everseed").contains(String.valueOf(WildFlyServer.HTTP_PORT)),
        "the server's HTTP port");
    for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
      for (Map.Entry<String, String> variable : environment(service.getValue()).entrySet()) {
        Matcher url = SERVICE_URL.matcher(variable.getValue());
        if (url.find()) {
          String where = service.getKey() + " " + variable.getKey() + "=" + variable.getValue();
          assertTrue(services.containsKey(url.group(1)), where + ": no such service");
          assertTrue(
              containerPorts.get(url.group(1)).contains(url.group(2)),
              where + ": the service does not listen on " + url.group(2));
        }
      }
      for (Object dependency : dependencies(service.getValue())) {
        assertTrue(
            services.containsKey(dependency.toString()), service.getKey() + " " + dependency);
      }
    }
  }

  private static String codeText() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String folder : CODE_ROOTS) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          text.append(read(file)).append('\n');
        }
      }
    }
    return text.toString();
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new HashMap<>();
    map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  private static Iterable<?> dependencies(Map<String, Object> service) {
    Object dependsOn = service.get("depends_on");
    return dependsOn instanceof Map<?, ?> m ? m.keySet() : list(dependsOn);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : (List<?>) value;
  }
}
