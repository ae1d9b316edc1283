package org.everseed.it.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.everseed.it.Http;
import org.everseed.it.SystemExtension;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A scripted rollout of one release to seven agents in two sites, and the report's exact figures.
 *
 * <pre>
 * agent     site   subscribed to        what happened (seconds after publication)   peers / web seed
 * lyon-1    lyon   parent channel       completed at 60                              800 / 200
 * lyon-2    lyon   parent channel       completed at 120                             900 / 100
 * lyon-3    lyon   parent channel       started, then failed at 3600 (hook exit 2)   100 / 0
 * paris-1   paris  release's channel    completed at 300                               0 / 1000
 * paris-2   paris  release's channel    started (now)                                  0 / 0
 * paris-3   paris  release's channel    no report; tracker "completed" at 240          -
 * paris-4   paris  release's channel    nothing                                        -
 * berlin-1  berlin another channel      not targeted                                   -
 * </pre>
 *
 * Seven targeted, four completed (60, 120, 240, 300 s), so 50 % (4 agents) is reached at 300 s and
 * 90 % / 100 % (7 agents) are not; 1,800 bytes from peers and 1,300 from the web seed: offload 1800
 * / 3100 = 58.1 %.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseReportIT {
  private EverseedSystem system;
  private long release;
  private final Map<String, Long> agents = new TreeMap<>();
  private String auditor;

  @BeforeAll
  void rollOut(EverseedSystem system) throws Exception {
    this.system = system;
    Rollout rollout = new Rollout(system);
    String parent = "it/rollout-" + System.nanoTime();
    String channel = parent + "/erp";
    release = rollout.publish(Rollout.token(system, "ci"), channel, "erp-rollout-2.4.1.bin");
    String suffix = "-" + System.nanoTime();
    for (String name : List.of("lyon-1", "lyon-2", "lyon-3")) {
      agents.put(name, rollout.enrol(name + suffix, "lyon", parent));
    }
    for (String name : List.of("paris-1", "paris-2", "paris-3", "paris-4")) {
      agents.put(name, rollout.enrol(name + suffix, "paris", channel));
    }
    agents.put("berlin-1", rollout.enrol("berlin-1" + suffix, "berlin", "it/elsewhere" + suffix));

    rollout.report(agents.get("lyon-1"), release, "COMPLETED", 60, 800, 200, 0, "installed");
    rollout.report(agents.get("lyon-2"), release, "COMPLETED", 120, 900, 100, 0, "installed");
    rollout.reportNow(agents.get("lyon-3"), release, "STARTED");
    rollout.report(agents.get("lyon-3"), release, "FAILED", 3600, 100, 0, 2, "hook exited 2");
    rollout.report(agents.get("paris-1"), release, "COMPLETED", 300, 0, 1000, 0, "installed");
    rollout.reportNow(agents.get("paris-2"), release, "STARTED");
    rollout.trackerCompleted(agents.get("paris-3"), "paris", release, 240);
    auditor = Rollout.token(system, "auditor");
  }

  @Test
  void scriptedRolloutGivesTheExactFigures() throws Exception {
    JsonObject report =
        Rollout.json(Http.get(Rollout.api(system, "/reports/releases/" + release), auditor), 200);
    assertEquals(release, report.getJsonNumber("releaseId").longValue());
    assertEquals("erp-rollout", report.getString("name"));
    assertEquals(7, report.getInt("targeted"));
    assertEquals(6, report.getInt("started"));
    assertEquals(1, report.getInt("inProgress"));
    assertEquals(4, report.getInt("completed"));
    assertEquals(1, report.getInt("failed"));
    assertEquals(1, report.getInt("notStarted"));
    assertEquals(1800, report.getJsonNumber("bytesFromPeers").longValue());
    assertEquals(1300, report.getJsonNumber("bytesFromWebSeed").longValue());
    assertEquals(1800.0 / 3100, report.getJsonNumber("offloadRatio").doubleValue(), 1e-12);

    JsonArray milestones = report.getJsonArray("milestones");
    assertEquals(50, milestones.getJsonObject(0).getInt("percent"));
    assertEquals(4, milestones.getJsonObject(0).getInt("agentsNeeded"));
    assertEquals(
        300_000, milestones.getJsonObject(0).getJsonNumber("millisFromPublish").longValue());
    assertEquals(7, milestones.getJsonObject(1).getInt("agentsNeeded"));
    assertEquals("", text(milestones.getJsonObject(1), "millisFromPublish"), "90 % not reached");
    assertEquals(100, milestones.getJsonObject(2).getInt("percent"));
    assertEquals("", text(milestones.getJsonObject(2), "millisFromPublish"), "100 % not reached");

    JsonArray sites = report.getJsonArray("sites");
    assertEquals(2, sites.size(), "berlin is not targeted: " + sites);
    JsonObject lyon = sites.getJsonObject(0);
    assertEquals("lyon", lyon.getString("site"));
    assertEquals(3, lyon.getInt("targeted"));
    assertEquals(2, lyon.getInt("completed"));
    assertEquals(1, lyon.getInt("failed"));
    assertEquals(1800.0 / 2100, lyon.getJsonNumber("offloadRatio").doubleValue(), 1e-12);
    JsonObject paris = sites.getJsonObject(1);
    assertEquals("paris", paris.getString("site"));
    assertEquals(4, paris.getInt("targeted"));
    assertEquals(2, paris.getInt("completed"));
    assertEquals(0, paris.getInt("failed"));
    assertEquals(0.0, paris.getJsonNumber("offloadRatio").doubleValue());

    Map<Long, JsonObject> byAgent = new TreeMap<>();
    for (JsonObject agent : report.getJsonArray("agents").getValuesAs(JsonObject.class)) {
      byAgent.put(agent.getJsonNumber("agentId").longValue(), agent);
    }
    assertEquals(7, byAgent.size());
    assertEquals("COMPLETED", byAgent.get(agents.get("paris-3")).getString("state"));
    assertEquals(
        240_000, byAgent.get(agents.get("paris-3")).getJsonNumber("millisToComplete").longValue());
    assertEquals("FAILED", byAgent.get(agents.get("lyon-3")).getString("state"));
    assertEquals(2, byAgent.get(agents.get("lyon-3")).getInt("hookExitCode"));
    assertEquals("STARTED", byAgent.get(agents.get("paris-2")).getString("state"));
    assertEquals("NOT_STARTED", byAgent.get(agents.get("paris-4")).getString("state"));
    assertEquals(
        60_000, byAgent.get(agents.get("lyon-1")).getJsonNumber("millisToComplete").longValue());
  }

  @Test
  void csvExportRoundTripsTheAgentsTable() throws Exception {
    HttpResponse<String> csv =
        Http.get(Rollout.api(system, "/reports/releases/" + release + "?format=csv"), auditor);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    JsonObject report =
        Rollout.json(Http.get(Rollout.api(system, "/reports/releases/" + release), auditor), 200);

    List<List<String>> rows = parseCsv(csv.body());
    assertEquals(
        List.of(
            "agent_id",
            "agent",
            "site",
            "state",
            "completed_at",
            "millis_to_complete",
            "bytes_from_peers",
            "bytes_from_web_seed",
            "hook_exit_code",
            "message"),
        rows.get(0));
    List<JsonObject> expected = report.getJsonArray("agents").getValuesAs(JsonObject.class);
    assertEquals(expected.size(), rows.size() - 1);
    for (int i = 0; i < expected.size(); i++) {
      JsonObject agent = expected.get(i);
      List<String> row = rows.get(i + 1);
      assertEquals(String.valueOf(agent.getJsonNumber("agentId").longValue()), row.get(0));
      assertEquals(agent.getString("name"), row.get(1));
      assertEquals(agent.getString("site"), row.get(2));
      assertEquals(agent.getString("state"), row.get(3));
      assertEquals(text(agent, "millisToComplete"), row.get(5));
      assertEquals(text(agent, "bytesFromPeers"), row.get(6));
      assertEquals(text(agent, "bytesFromWebSeed"), row.get(7));
      assertEquals(text(agent, "hookExitCode"), row.get(8));
      assertEquals(agent.getString("message", ""), row.get(9));
    }
  }

  @Test
  void pdfExportOpensAndNamesTheReleaseAndTheOffloadRatio() throws Exception {
    HttpResponse<byte[]> pdf =
        Http.getBytes(Rollout.api(system, "/reports/releases/" + release + "?format=pdf"), auditor);
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    PdfReader reader = new PdfReader(pdf.body());
    try {
      StringBuilder text = new StringBuilder();
      PdfTextExtractor extractor = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        text.append(extractor.getTextFromPage(page)).append('\n');
      }
      assertTrue(text.toString().contains("erp-rollout"), text.toString());
      assertTrue(text.toString().contains("Offload ratio"), text.toString());
      assertTrue(text.toString().contains("58.1 %"), text.toString());
    } finally {
      reader.close();
    }
  }

  @Test
  void fleetReportShowsWhatAnAgentHoldsAndWhatFailed() throws Exception {
    JsonObject held =
        Rollout.json(
            Http.get(Rollout.api(system, "/reports/agents/" + agents.get("lyon-1")), auditor), 200);
    assertEquals(1, held.getInt("held"));
    assertEquals(0, held.getInt("failures"));
    JsonObject first = held.getJsonArray("releases").getJsonObject(0);
    assertEquals(release, first.getJsonNumber("releaseId").longValue());
    assertEquals("COMPLETED", first.getString("state"));
    assertEquals(800, first.getJsonNumber("bytesFromPeers").longValue());

    JsonObject failed =
        Rollout.json(
            Http.get(Rollout.api(system, "/reports/agents/" + agents.get("lyon-3")), auditor), 200);
    assertEquals(0, failed.getInt("held"));
    assertEquals(1, failed.getInt("failures"));
    assertEquals(
        "hook exited 2", failed.getJsonArray("releases").getJsonObject(0).getString("lastMessage"));

    HttpResponse<String> csv =
        Http.get(
            Rollout.api(system, "/reports/agents/" + agents.get("lyon-3") + "?format=csv"),
            auditor);
    List<List<String>> rows = parseCsv(csv.body());
    assertEquals(2, rows.size(), csv.body());
    assertEquals("FAILED", rows.get(1).get(4));
    assertEquals("1", rows.get(1).get(8));
  }

  @Test
  void reportsAreForAuditorsAndAdminsOnly() throws Exception {
    String path = "/reports/releases/" + release;
    assertEquals(
        200, Http.get(Rollout.api(system, path), Rollout.token(system, "admin")).statusCode());
    assertEquals(
        403, Http.get(Rollout.api(system, path), Rollout.token(system, "ci")).statusCode());
    assertEquals(
        403, Http.get(Rollout.api(system, path), Rollout.token(system, null)).statusCode());
    assertEquals(401, Http.get(Rollout.api(system, path)).statusCode());
    assertEquals(
        404, Http.get(Rollout.api(system, "/reports/releases/999999999"), auditor).statusCode());
    assertEquals(400, Http.get(Rollout.api(system, path + "?format=docx"), auditor).statusCode());
  }

  private static String text(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name) ? "" : object.get(name).toString();
  }

  /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
  static List<List<String>> parseCsv(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        field.append(c);
      }
    }
    if (!row.isEmpty() || field.length() > 0) {
      throw new AssertionError("the CSV does not end with CRLF");
    }
    return rows;
  }
}
