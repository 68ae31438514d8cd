package dev.plumbline.reports.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plumbline.core.engine.AuditResult;
import dev.plumbline.core.rule.Status;
import dev.plumbline.reports.ReportContext;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by Selenium with explicit
 * paths (so nothing is downloaded). Reports are loaded from disk; the console must stay free of
 * errors, which under the page's {@code default-src 'none'} policy also proves that no request left it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path OUTPUT = Path.of("target", "screenshots");
  private static final String EXAMPLE = "violations/gateway-single-zone.json";

  private ChromeDriver driver;
  private Path profile;
  private Path pages;

  @BeforeAll
  void startBrowser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("true".equals(System.getenv("PLUMBLINE_REQUIRE_TOOLS"))) {
      assertTrue(present, "PLUMBLINE_REQUIRE_TOOLS=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
    } else {
      assumeTrue(present, "Chromium and chromedriver are not installed");
    }
    profile = Files.createTempDirectory("plumbline-chromium-");
    pages = Files.createDirectories(Path.of("target", "browser-test"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
        "--user-data-dir=" + profile, "--window-size=1400,1000", "--hide-scrollbars");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  void loadsWithoutConsoleErrorsOrRequestsAndShowsTheAuditsCounts() throws IOException {
    AuditResult result = HtmlFixtures.example(EXAMPLE);
    open(write("example", result, HtmlFixtures.context()));
    assertNoConsoleErrors();
    assertThat(script("return performance.getEntriesByType('resource').length")).isEqualTo(0L);
    for (Status status : Status.values()) {
      WebElement total = driver.findElement(By.cssSelector("td.total[data-status='" + status + "']"));
      assertThat(Integer.parseInt(total.getText().trim())).as(status.name()).isEqualTo(result.summary().get(status));
    }
    assertThat(driver.findElement(By.id("shown")).getText())
        .isEqualTo(result.findings().size() + " findings in " + result.rules().size() + " requirements");
    assertThat(visibleRows()).isEqualTo(result.findings().size());
  }

  @Test
  void statusFilterChangesTheVisibleRowsAndLivesInTheFragment() throws IOException {
    AuditResult result = HtmlFixtures.example(EXAMPLE);
    open(write("example", result, HtmlFixtures.context()));
    long fails = result.findings().stream().filter(f -> f.status() == Status.FAIL).count();
    assertThat(fails).isPositive();
    script("document.querySelectorAll('input[name=status]').forEach(function (b) {"
        + " b.checked = b.value === 'FAIL'; b.dispatchEvent(new Event('change', {bubbles: true})); });");
    assertThat(visibleRows()).isEqualTo(fails);
    assertThat((String) script("return location.hash")).isEqualTo("#?status=FAIL");
    assertThat(driver.findElement(By.id("shown")).getText()).startsWith("Showing " + fails + " of " + result.findings().size());

    // A shared link restores the same view, and a scorecard count applies its filter.
    open(write("example", result, HtmlFixtures.context()).toUri() + "#?status=UNKNOWN,ERROR");
    long attention = result.findings().stream().filter(f -> f.status() == Status.UNKNOWN || f.status() == Status.ERROR).count();
    assertThat(visibleRows()).isEqualTo(attention);
    script("document.getElementById('reset').click()");
    assertThat(visibleRows()).isEqualTo(result.findings().size());
    driver.findElement(By.cssSelector("td.total[data-status='FAIL'] a")).click();
    waitUntil(() -> visibleRows() == fails, Duration.ofSeconds(5));

    // Text search, and a click on a resource in the picture, narrow the rows too.
    script("document.getElementById('reset').click(); var q = document.getElementById('q');"
        + " q.value = 'vm-connect-2'; q.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));");
    assertThat(visibleRows()).isPositive().isLessThan(result.findings().size());
    script("document.getElementById('reset').click()");
    WebElement gateway = driver.findElements(By.cssSelector("svg a.node[data-res]")).stream()
        .filter(a -> a.findElement(By.tagName("title")).getAttribute("textContent").startsWith("Application gateway"))
        .findFirst().orElseThrow();
    script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, button: 0}))", gateway);
    assertThat(visibleRows()).isEqualTo(1);
    assertThat(driver.findElement(By.id("res-filter")).isDisplayed()).isTrue();
    assertNoConsoleErrors();
  }

  @Test
  void thePictureHasATitleAndEveryNodeIsAKeyboardLink() throws IOException {
    open(write("example", HtmlFixtures.example(EXAMPLE), HtmlFixtures.context()));
    assertThat((String) script("return document.querySelector('svg.topo-svg > title').textContent")).startsWith("Topology");
    assertThat((String) script("return document.querySelector('svg.topo-svg > desc').textContent")).contains("virtual machine");
    assertThat(script("return document.querySelector('svg.topo-svg').getAttribute('role')")).isEqualTo("img");
    List<?> nodes = (List<?>) script("return Array.from(document.querySelectorAll('svg .node')).map(function (n) {"
        + " return n.localName + '|' + (n.querySelector('title') ? 'title' : 'none') + '|' + n.getAttribute('href'); })");
    assertThat(nodes).isNotEmpty().allSatisfy(n -> assertThat((String) n).matches("a\\|title\\|#[a-z0-9-]+"));
    long boxes = (Long) script("return document.querySelectorAll('svg rect[fill]').length");
    long linkedBoxes = (Long) script("return document.querySelectorAll('svg a.node > rect[fill]').length");
    assertThat(linkedBoxes).isEqualTo(boxes - 1); // the one unlinked box is the hatch pattern's own rect
  }

  @Test
  void hostileNamesExecuteNoScript() throws IOException {
    AuditResult result = HtmlFixtures.hostile();
    open(write("hostile", result, HtmlFixtures.hostileContext()));
    assertNoScriptRan();
    assertThat((Boolean) script("return document.body.textContent.indexOf('<img src=x onerror=window.__pwned=1>') >= 0")).isTrue();
    assertThat(script("return document.querySelectorAll('img, iframe, object, embed, foreignObject').length")).isEqualTo(0L);
    assertThat(script("return document.querySelectorAll('script:not([type])').length")).isEqualTo(1L);

    // The rows kept in data blocks are hostile too; drawing them must not run anything either.
    long before = visibleRows();
    script("document.querySelectorAll('button.show-all').forEach(function (b) { b.click(); })");
    assertThat(visibleRows()).isEqualTo(result.findings().size()).isGreaterThan(before);
    assertThat((Boolean) script("return document.body.textContent.indexOf('<!--<script>window.__pwned=52</script>') >= 0")).isTrue();
    script("var q = document.getElementById('q'); q.value = '</script><script>window.__pwned=99</script>';"
        + " q.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));");
    script("document.querySelectorAll('details').forEach(function (d) { d.open = true; })");
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(driver.findElement(By.cssSelector("svg a.node"))).perform();
    assertNoScriptRan();
    assertNoConsoleErrors();
  }

  @Test
  void hostileRowsDrawnFromDataBlocksRenderAsText() throws IOException {
    AuditResult result = HtmlFixtures.hostileAtScale();
    open(write("hostile-at-scale", result, HtmlFixtures.hostileContext()));
    assertNoScriptRan();
    long resources = result.resources().stream().map(r -> r.id().toLowerCase(java.util.Locale.ROOT)).distinct().count();
    assertThat(script("return document.querySelectorAll('table.res tr.rrow').length")).isEqualTo((long) ReportViews.RENDERED_ROWS);

    script("document.querySelector('button.show-resources').click();"
        + " document.querySelectorAll('button.show-all').forEach(function (b) { b.click(); })");
    assertThat(script("return document.querySelectorAll('table.res tr.rrow').length")).isEqualTo(resources);
    assertThat(visibleRows()).isEqualTo(result.findings().size());
    assertThat(driver.findElement(By.id("resources-more")).isDisplayed()).isFalse();

    // Every planted string is there as text, with invisible and reordering characters made visible.
    String visible = VisibleText.line(HtmlFixtures.HOSTILE_DATA);
    assertThat((String) script("return document.querySelector('table.res').textContent"))
        .contains("vm-299" + visible).contains("Microsoft.Compute/virtualMachines" + visible)
        .contains("/resourceGroups/rg-" + visible + "/providers/Microsoft.Compute/virtualMachines/vm-299" + visible);
    assertThat((String) script("return document.querySelector('table.ev').textContent"))
        .contains("Passes " + visible).contains("properties." + visible).contains("hostile" + visible + ".json:300:1 /299" + visible);
    assertThat(visible).doesNotContain("\u2028").doesNotContain("\u202e").contains("\u27e8U+202E\u27e9");
    assertThat(script("return document.querySelectorAll('img, iframe, object, embed, foreignObject').length")).isEqualTo(0L);
    assertThat(script("return document.querySelectorAll('script:not([type])').length")).isEqualTo(1L);

    // Filtering to a resource whose row came from the data block names it, as text.
    script("var name = arguments[0]; Array.from(document.querySelectorAll('table.res .res-filter-btn')).filter(function (b) {"
        + " return b.getAttribute('data-name') === name; })[0].click()", "vm-299" + visible);
    assertThat((String) script("return document.getElementById('res-filter-name').textContent")).endsWith(visible);
    assertNoScriptRan();
    assertNoConsoleErrors();
  }

  @Test
  void aLinkToAResourceKeptInTheDataBlockDrawsItsRowAndGoesThere() throws IOException {
    AuditResult result = HtmlFixtures.manyVnets(300, 9);
    Path page = write("many-vnets", result, HtmlFixtures.context());
    open(page);
    String rows = "return document.querySelectorAll('table.res tr.rrow').length";
    assertThat(script(rows)).isEqualTo((long) ReportViews.RENDERED_ROWS);

    // A finding's subject links to its resource; vm-99 sorts last of the VMs, so its row waits in the block.
    script("document.querySelector('details.rule').open = true");
    WebElement link = driver.findElements(By.cssSelector("table.ev a.sname")).stream()
        .filter(a -> a.getText().equals("vm-99")).findFirst().orElseThrow();
    String anchor = link.getAttribute("href").substring(link.getAttribute("href").indexOf('#') + 1);
    assertThat(script("return document.getElementById(arguments[0])", anchor)).isNull();
    link.click();
    waitUntil(() -> script("return document.getElementById(arguments[0])", anchor) != null, Duration.ofSeconds(10));
    assertThat(script(rows)).isEqualTo(900L);
    assertInView(anchor);
    assertThat(driver.findElement(By.id(anchor)).getText()).contains("vm-99").contains("SYN-V-01");

    // So does opening the page at a resource's fragment, and a filter to it names it.
    open(page.toUri() + "#" + anchor);
    assertThat(script(rows)).isEqualTo(900L);
    assertInView(anchor);
    open(page.toUri() + "#?res=" + anchor);
    assertThat(driver.findElement(By.id("res-filter-name")).getText()).isEqualTo("vm-99");
    assertThat(visibleRows()).isEqualTo(1);
    assertNoConsoleErrors();
  }

  private void assertInView(String id) {
    assertThat((String) script("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
        + " return r.top > -1 && r.top < window.innerHeight ? 'in view' : r.top + ' ' + r.bottom + ' ' + window.innerHeight + ' ' + window.scrollY;", id))
        .as("#%s is scrolled into view", id).isEqualTo("in view");
  }

  @Test
  void drawsDeferredRowsThatShareAnEarlierRowsEvidenceWithAllOfIt() throws IOException {
    AuditResult result = HtmlFixtures.synthetic(3000);
    open(write("shared-evidence", result, HtmlFixtures.context()));
    script("document.querySelectorAll('button.show-all').forEach(function (b) { b.click(); })");
    // Every synthetic finding has two evidence entries: two table rows each, drawn or deferred.
    assertThat(script("return document.querySelectorAll('table.ev tbody.f tr').length")).isEqualTo(2L * result.findings().size());
    assertThat(script("return document.querySelectorAll('table.ev tbody.f td.muted').length")).isEqualTo(0L);
    assertNoConsoleErrors();
  }

  @Test
  void printsToAFewLandscapePages() throws IOException {
    open(write("example", HtmlFixtures.example(EXAMPLE), HtmlFixtures.context()));
    PrintOptions print = new PrintOptions();
    print.setOrientation(PrintOptions.Orientation.LANDSCAPE);
    print.setPageSize(new PageSize(29.7, 21.0));
    print.setBackground(true);
    byte[] pdf = Base64.getDecoder().decode(driver.print(print).getContent());
    Files.createDirectories(OUTPUT);
    Files.write(OUTPUT.resolve("report.pdf"), pdf);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    int pages = pageCount(pdf);
    System.out.println("HTML report printed to " + pages + " A4 landscape pages");
    assertThat(pages).isBetween(2, 20);
    assertNoConsoleErrors();
  }

  @Test
  void savesAScreenshot() throws IOException {
    open(write("example", HtmlFixtures.example(EXAMPLE), HtmlFixtures.context()));
    Files.createDirectories(OUTPUT);
    Files.write(OUTPUT.resolve("report.png"), driver.getScreenshotAs(OutputType.BYTES));
    long height = (Long) script("return document.documentElement.scrollHeight");
    driver.manage().window().setSize(new Dimension(1400, (int) Math.min(height, 12000)));
    Files.write(OUTPUT.resolve("report-full.png"), driver.getScreenshotAs(OutputType.BYTES));
    driver.manage().window().setSize(new Dimension(1400, 1000));
    assertThat(OUTPUT.resolve("report.png")).isNotEmptyFile();
  }

  private Path write(String name, AuditResult result, ReportContext context) throws IOException {
    Path file = pages.resolve(name + ".html");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      new HtmlReportWriter().write(result, context, out);
    }
    return file.toAbsolutePath();
  }

  private void open(Path file) {
    open(file.toUri().toString());
  }

  private void open(String url) {
    driver.get("about:blank");
    driver.get(url);
    waitUntil(() -> "complete".equals(script("return document.readyState")), Duration.ofSeconds(20));
  }

  /** Polls a condition; selenium-support's waits are not on the class path, and this is all we need of them. */
  private static void waitUntil(BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  private Object script(String code, Object... arguments) {
    return driver.executeScript(code, arguments);
  }

  /** Finding rows shown: not hidden themselves and in a requirement group that is not hidden. */
  private long visibleRows() {
    return (Long) script("return Array.from(document.querySelectorAll('details.rule')).filter(function (g) { return !g.hidden; })"
        + ".reduce(function (n, g) { return n + g.querySelectorAll('tbody.f:not([hidden])').length; }, 0)");
  }

  private void assertNoConsoleErrors() {
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    assertThat(entries).as("browser console").noneMatch(e -> e.getLevel().intValue() >= Level.SEVERE.intValue());
  }

  private void assertNoScriptRan() {
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    assertThat(script("return typeof window.__pwned")).isEqualTo("undefined");
  }

  private static int pageCount(byte[] pdf) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher count = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b").matcher(text);
    if (count.find()) {
      return Integer.parseInt(count.group(1) != null ? count.group(1) : count.group(2));
    }
    Matcher page = Pattern.compile("/Type\\s*/Page\\b").matcher(text);
    int pages = 0;
    while (page.find()) {
      pages++;
    }
    return pages;
  }
}
