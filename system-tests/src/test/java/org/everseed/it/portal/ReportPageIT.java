package org.everseed.it.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.everseed.it.SystemExtension;
import org.everseed.it.reports.Rollout;
import org.everseed.system.EverseedSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The auditor opens a release's distribution report in the portal: figures and charts. */
@ExtendWith(SystemExtension.class)
class ReportPageIT {
  @Test
  void auditorSeesTheReportWithItsChartsAndFigures(EverseedSystem system) throws Exception {
    Rollout rollout = new Rollout(system);
    String channel = "it/report-page-" + System.nanoTime();
    long release = rollout.publish(Rollout.token(system, "ci"), channel, "erp-portal-3.1.0.bin");
    String suffix = "-" + System.nanoTime();
    long lyon = rollout.enrol("lyon-a" + suffix, "lyon", channel);
    long paris = rollout.enrol("paris-a" + suffix, "paris", channel);
    rollout.enrol("paris-b" + suffix, "paris", channel);
    rollout.report(lyon, release, "COMPLETED", 45, 600, 200, 0, "installed");
    rollout.report(paris, release, "COMPLETED", 150, 150, 50, 0, "installed");

    String base = system.wildFly().baseUrl();
    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/catalog.xhtml");
      browser.signIn("auditor", "auditor-demo");
      browser.open(base + "/report.xhtml?id=" + release);
      assertTrue(browser.isPresent(By.id("nav-reports")), "Reports in the navigation");
      assertEquals("erp-portal 3.1.0", browser.find(By.id("report-title")).getText());
      assertTrue(
          browser.find(By.id("report-published")).getText().endsWith(" UTC"),
          "publication time shown");
      assertEquals("3", browser.find(By.id("fig-targeted")).getText());
      assertEquals("2", browser.find(By.id("fig-completed")).getText());
      assertEquals("1", browser.find(By.id("fig-not-started")).getText());
      // 750 of 1,000 bytes came from peers.
      assertEquals("75.0 %", browser.find(By.id("fig-offload")).getText());
      assertTrue(browser.isPresent(By.cssSelector("svg#chart-completion path.chart-line")));
      assertEquals(
          2 * 3 + 3,
          browser.driver.findElements(By.cssSelector("svg#chart-sites rect")).size(),
          "three stacked bars for each of the two sites, and the legend's three swatches");
      assertTrue(browser.isPresent(By.cssSelector("svg#chart-offload rect.bar-peers")));
      assertEquals(3, browser.driver.findElements(By.cssSelector("tr.report-agent")).size());
      browser.screenshot("report");

      // The portal's downloads, fetched with the auditor's session as the CSV link does.
      Object csv = fetch(browser, "/portal/reports/" + release + ".csv");
      assertTrue(String.valueOf(csv).startsWith("200 agent_id,agent,site,state"), csv.toString());
      Object pdf = fetch(browser, "/portal/reports/" + release + ".pdf");
      assertTrue(String.valueOf(pdf).startsWith("200 %PDF-"), "a PDF: " + pdf);

      browser.open(base + "/reports.xhtml");
      assertTrue(browser.isPresent(By.linkText("erp-portal 3.1.0")));
    }

    try (Browser browser = Browser.start(workDir())) {
      browser.open(base + "/catalog.xhtml");
      browser.signIn("publisher", "publisher-demo");
      browser.open(base + "/report.xhtml?id=" + release);
      browser.find(By.id("main"));
      assertFalse(browser.isPresent(By.id("nav-reports")));
      assertFalse(browser.isPresent(By.id("report-figures")));
      Object refused = fetch(browser, "/portal/reports/" + release + ".csv");
      assertTrue(String.valueOf(refused).startsWith("403 "), refused.toString());
    }
  }

  /** Fetches a portal path with the browser's session: its status, a space, its first bytes. */
  private static Object fetch(Browser browser, String path) {
    return browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.text().then(t => done(r.status + ' ' + t.slice(0, 40))),"
            + " e => done(String(e)));",
        path);
  }

  private static Path workDir() {
    return Path.of(System.getProperty("everseed.work.dir", "target/it-work"), "portal-reports");
  }
}
