package dev.plumbline.core.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for 127.0.0.1 made by the JDK's keytool, for local stand-ins that
 * speak TLS (ARM, a Connect node): the server's TLS context, and the PEM a client trusts exactly.
 */
public final class TestCertificate {

  private static final String PASSWORD = "changeit";

  private final SSLContext serverContext;
  private final Path pem;

  private TestCertificate(SSLContext serverContext, Path pem) {
    this.serverContext = serverContext;
    this.pem = pem;
  }

  /** Makes a certificate in {@code dir}. */
  public static TestCertificate create(Path dir, String alias) throws IOException {
    Path keystore = dir.resolve(alias + ".p12");
    runKeytool(keystore, alias);
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        keys.load(in, PASSWORD.toCharArray());
      }
      Path pem = dir.resolve(alias + ".pem");
      Files.writeString(pem, toPem(keys.getCertificate(alias)));
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, PASSWORD.toCharArray());
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keyManagers.getKeyManagers(), null, null);
      return new TestCertificate(tls, pem);
    } catch (GeneralSecurityException e) {
      throw new IOException("could not set up the test certificate's TLS", e);
    }
  }

  public SSLContext serverContext() {
    return serverContext;
  }

  /** The certificate as PEM, for a client that trusts exactly this server. */
  public Path pem() {
    return pem;
  }

  private static void runKeytool(Path keystore, String alias) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    // The SAN matters: reactor-netty and the JDK client verify the host name against it.
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", alias,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3650", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-noprompt")
        .redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("keytool could not make the test certificate: " + output);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while keytool made the test certificate", e);
    }
  }

  private static String toPem(Certificate certificate) throws GeneralSecurityException {
    Base64.Encoder lines = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    return "-----BEGIN CERTIFICATE-----\n" + lines.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
  }
}
