package org.everseed.it.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium with a fresh profile, driven by the Debian {@code chromedriver} that this
 * class starts itself: so Selenium Manager never downloads anything, and {@link #close} can end
 * chromedriver and every browser process under it by PID even when the session hangs.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration STARTUP = Duration.ofSeconds(30);
  // Tall enough that the screenshots show each page whole.
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 1300;

  private final Process chromedriver;
  private final Path profile;
  private final Path screenshots;
  final RemoteWebDriver driver;

  private Browser(Process chromedriver, Path profile, Path screenshots, RemoteWebDriver driver) {
    this.chromedriver = chromedriver;
    this.profile = profile;
    this.screenshots = screenshots;
    this.driver = driver;
  }

  static Browser start(Path workDir) throws IOException, InterruptedException {
    return start(workDir, false);
  }

  /** A browser whose pages see {@code prefers-color-scheme: dark}, as on a dark desktop. */
  static Browser startDark(Path workDir) throws IOException, InterruptedException {
    return start(workDir, true);
  }

  private static Browser start(Path workDir, boolean dark)
      throws IOException, InterruptedException {
    Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
    Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "chromium-");
    int port = freePort();
    Process chromedriver =
        new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("chromedriver-" + port + ".log").toFile())
            .start();
    try {
      URL url = URI.create("http://127.0.0.1:" + port).toURL();
      awaitListening(port, chromedriver);
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run",
          "--window-size=" + WIDTH + "," + HEIGHT,
          "--user-data-dir=" + profile);
      if (dark) {
        options.addArguments("--force-dark-mode");
      }
      RemoteWebDriver driver = new RemoteWebDriver(url, options);
      driver.manage().timeouts().pageLoadTimeout(WAIT);
      driver.manage().timeouts().scriptTimeout(WAIT);
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
      return new Browser(chromedriver, profile, screenshots, driver);
    } catch (RuntimeException | IOException | InterruptedException e) {
      kill(chromedriver);
      throw e;
    }
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(By by) {
    return await(d -> d.findElement(by));
  }

  boolean isPresent(By by) {
    return !driver.findElements(by).isEmpty();
  }

  /**
   * Polls {@code condition} until it holds. An element the condition found can be replaced by an
   * Ajax re-render before it is read; that is "not yet", so the condition is asked again.
   */
  <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Signs in on Keycloak's login form, where an unauthenticated visit to the portal lands. */
  void signIn(String user, String password) {
    find(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("kc-login")).click();
    find(By.id("user-name"));
  }

  /** Saves what the browser shows as {@code target/screenshots/name.png}. */
  Path screenshot(String name) throws IOException {
    Path file = screenshots.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } catch (RuntimeException e) {
      System.err.println("chromium did not quit cleanly: " + e);
    } finally {
      kill(chromedriver);
      deleteQuietly(profile);
    }
  }

  private static void kill(Process process) {
    // Chromium and its helpers are chromedriver's descendants: end them first, then chromedriver.
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitListening(int port, Process chromedriver)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!chromedriver.isAlive()) {
        throw new IOException("chromedriver exited with " + chromedriver.exitValue());
      }
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("chromedriver did not listen on port " + port + " within " + STARTUP);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete " + directory + ": " + e);
    }
  }
}
