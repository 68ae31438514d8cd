package dev.plumbline.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's one stylesheet and one script, read once from the class path, and the
 * Content-Security-Policy that allows exactly these two by hash and nothing else. Being constants,
 * they keep the output deterministic.
 *
 * @param css the stylesheet, emitted verbatim in the one {@code <style>}
 * @param js the script, emitted verbatim in the one {@code <script>}
 * @param csp the policy for the {@code <meta http-equiv="Content-Security-Policy">}
 */
public record HtmlAssets(String css, String js, String csp) {

  private static final HtmlAssets BUNDLED = load();

  /** The assets shipped in this jar. */
  public static HtmlAssets bundled() {
    return BUNDLED;
  }

  /** {@code 'sha256-…'}: the CSP source expression for an inline element with this exact text. */
  public static String hashSource(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static HtmlAssets load() {
    String css = resource("report.css");
    String js = resource("report.js");
    // img-src data: admits only the empty data: favicon, which stops the browser asking for /favicon.ico.
    String csp = "default-src 'none'; img-src data:; style-src " + hashSource(css) + "; script-src " + hashSource(js)
        + "; base-uri 'none'; form-action 'none'";
    return new HtmlAssets(css, js, csp);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the HTML report's " + name + " is missing from the class path");
      }
      // Line endings are normalised so that a checkout with CRLF gives the same bytes and hashes.
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
