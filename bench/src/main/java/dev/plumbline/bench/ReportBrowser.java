package dev.plumbline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

/**
 * How long the HTML report takes to show its summary in headless Chromium: from the start of the
 * navigation to the first frame in which the verdict banner ({@code #verdict}) and the status × severity
 * scorecard ({@code #scorecard}) are laid out, the two sections {@code reports/src/main/jte/html/report.jte}
 * opens with.
 *
 * <p>The time is taken inside the page: a script that Chromium runs before the report's own watches the
 * parser add the two sections and notes the timestamp of the next animation frame, or of the first
 * contentful paint when that comes later (nothing is on screen before it). WebDriver's own
 * calls wait while the renderer is busy parsing, so asking it "is the summary displayed?" answers
 * seconds after a reader already sees it; that later figure is kept too, as {@code observed}.
 */
final class ReportBrowser {

  /** The sections that make up the summary, in {@code report.jte}. */
  static final List<String> SUMMARY_IDS = List.of("verdict", "scorecard");

  /** Records {@code window.__plumblineSummaryShown}, in ms from navigation start, once the summary is laid out. */
  private static final String PROBE = """
      (() => {
        const ids = %s;
        const laidOut = () => ids.every(id => {
          const element = document.getElementById(id);
          return element !== null && element.getClientRects().length > 0;
        });
        const observer = new MutationObserver(() => {
          if (ids.every(id => document.getElementById(id) !== null) && laidOut()) {
            observer.disconnect();
            requestAnimationFrame(frame => { window.__plumblineSummaryShown = frame; });
          }
        });
        observer.observe(document, {childList: true, subtree: true});
      })();
      """.formatted("['" + String.join("', '", SUMMARY_IDS) + "']");

  /**
   * When the summary was first painted: Chromium holds its first paint back until enough of the page is
   * parsed, so a frame before first-contentful-paint put nothing on screen.
   */
  private static final String SHOWN = """
      const frame = window.__plumblineSummaryShown;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return frame === undefined || paint === undefined ? null : Math.max(frame, paint.startTime);
      """;

  /**
   * Selenium warns on every session that it has no DevTools bindings for this Chromium's version; the
   * benchmark needs none, so only its errors are shown. Held here so the setting is not collected.
   */
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  /**
   * One opening of the report.
   *
   * @param shownMillis from navigation start to the first frame with the summary laid out, measured in the page
   * @param observedMillis from asking WebDriver to navigate to WebDriver first reporting the summary shown
   */
  record Opening(double shownMillis, double observedMillis) {}

  private ReportBrowser() {}

  /** Chromium and chromedriver, when both are installed. */
  static Optional<Path[]> tools() {
    Optional<Path> chromium = ProcessRun.executable("chromium")
        .or(() -> ProcessRun.executable("chromium-browser"))
        .or(() -> ProcessRun.executable("google-chrome"));
    Optional<Path> driver = ProcessRun.executable("chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Path[] {chromium.get(), driver.get()});
  }

  /**
   * Opens {@code html} up to {@code times} times in one headless browser. An opening that did not show
   * the summary within {@code timeout} ends the series and is left out; an empty list means none did.
   */
  static List<Opening> timeToSummary(Path html, int times, Duration timeout) throws IOException, InterruptedException {
    Path[] tools = tools().orElseThrow(() -> new IllegalStateException("chromium or chromedriver is not installed"));
    SELENIUM.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("plumbline-bench-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(tools[0].toFile());
    // Navigation returns at once; the page is not waited for, only its summary.
    options.setPageLoadStrategy(PageLoadStrategy.NONE);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(tools[1].toFile())
        .usingAnyFreePort().build();
    ClientConfig client = ClientConfig.defaultConfig().readTimeout(timeout.plusSeconds(30));
    ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "report-browser");
      thread.setDaemon(true);
      return thread;
    });
    ChromeDriver driver = null;
    List<Opening> openings = new ArrayList<>();
    try {
      driver = new ChromeDriver(service, options, client);
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
      String url = html.toAbsolutePath().toUri().toString();
      for (int i = 0; i < times; i++) {
        driver.get("about:blank");
        ChromeDriver browser = driver;
        Future<Opening> opening = worker.submit(() -> open(browser, url));
        try {
          openings.add(opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
          opening.cancel(true);
          break;
        } catch (ExecutionException e) {
          throw new IllegalStateException("the browser failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      worker.shutdownNow();
      if (driver != null) {
        try {
          driver.quit();
        } catch (RuntimeException e) {
          service.stop();
        }
      }
      deleteTree(profile);
    }
    return openings;
  }

  private static Opening open(ChromeDriver browser, String url) throws InterruptedException {
    long start = System.nanoTime();
    browser.get(url);
    while (true) {
      try {
        Object shown = browser.executeScript(SHOWN);
        if (shown instanceof Number number) {
          return new Opening(number.doubleValue(), (System.nanoTime() - start) / 1e6);
        }
      } catch (WebDriverException e) {
        // The script ran while the navigation replaced the document; ask again.
      }
      Thread.sleep(10);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover profile in the temporary directory is harmless.
    }
  }
}
