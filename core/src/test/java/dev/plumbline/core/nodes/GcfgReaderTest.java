package dev.plumbline.core.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.plumbline.core.load.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GcfgReaderTest {

  /** The minimal HA node configuration of posit-connect-facts.md §1.4, as Posit documents it. */
  private static final String MINIMAL_HA = """
      ; /etc/rstudio-connect/rstudio-connect.gcfg  (identical on every node except Metrics.DataPath)
      [Server]
      Address = https://connect.example.com/
      DataDir = /mnt/anf/rstudio-connect

      [HTTP]
      Listen = :3939
      NoWarning = true

      [Database]
      Provider = postgres

      [Postgres]
      URL = "postgres://connect@pg.example.postgres.database.azure.com/connect"
      ; Password set via Postgres.Password

      [Metrics]
      DataPath = /var/lib/rstudio-connect-metrics   ; unique per node
      """;

  @TempDir
  Path dir;

  private static GcfgFile parse(String text) throws InputException {
    return new GcfgReader().parse("rstudio-connect.gcfg", text);
  }

  private static void assertRejected(String text, int line, int column, String message) {
    assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(InputException.class, e -> {
      assertThat(e.getMessage()).isEqualTo("rstudio-connect.gcfg:" + line + ":" + column + ": " + message);
      assertThat(e.line()).isEqualTo(line);
      assertThat(e.column()).isEqualTo(column);
    });
  }

  private static String sha256(byte[] bytes) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theMinimalHaConfigurationReadsAsItsSettingsWithLines() throws Exception {
    GcfgFile file = parse(MINIMAL_HA);

    assertThat(file.name()).isEqualTo("rstudio-connect.gcfg");
    assertThat(file.settings()).extracting(GcfgSetting::key, GcfgSetting::line).containsExactly(
        tuple("server.address", 3),
        tuple("server.datadir", 4),
        tuple("http.listen", 7),
        tuple("http.nowarning", 8),
        tuple("database.provider", 11),
        tuple("postgres.url", 14),
        tuple("metrics.datapath", 18));
    assertThat(file.settings().get(0)).satisfies(address -> {
      assertThat(address.section()).isEqualTo("Server");
      assertThat(address.subsection()).isNull();
      assertThat(address.name()).isEqualTo("Address");
      assertThat(address.value()).isEqualTo("https://connect.example.com/");
      assertThat(address.secret()).isFalse();
    });
    assertThat(file.settings().get(3).typed().value()).isEqualTo(true);
    assertThat(file.facts()).containsExactly(
        entry("server.address", List.of("https://connect.example.com/")),
        entry("server.datadir", List.of("/mnt/anf/rstudio-connect")),
        entry("http.listen", List.of(":3939")),
        entry("http.nowarning", List.of("true")),
        entry("database.provider", List.of("postgres")),
        entry("postgres.url", List.of("postgres://connect@pg.example.postgres.database.azure.com/connect")),
        entry("metrics.datapath", List.of("/var/lib/rstudio-connect-metrics")));
    assertThat(file.digest()).isEqualTo(sha256(MINIMAL_HA.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void repeatedKeysCollectInOrderAndRepeatedSectionsAddUpWhateverTheirCase() throws Exception {
    GcfgFile file = parse("""
        [Python]
        Enabled = true
        Executable = /opt/python/3.11.9/bin/python
        Executable = /opt/python/3.12.4/bin/python
        [Server]
        Address = https://connect.example.com/
        [python]
        EXECUTABLE = /opt/python/3.14.7/bin/python
        """);

    assertThat(file.facts().get("python.executable")).containsExactly("/opt/python/3.11.9/bin/python",
        "/opt/python/3.12.4/bin/python", "/opt/python/3.14.7/bin/python");
    assertThat(file.facts().keySet()).containsExactly("python.enabled", "python.executable", "server.address");
    assertThat(file.settings().get(4).line()).isEqualTo(8);
  }

  @Test
  void subsectionsKeepTheirCaseAndUnescapeQuotes() throws Exception {
    GcfgFile file = parse("""
        [RPackageRepository "CRAN"]
        URL = https://packagemanager.posit.co/cran/latest
        [RPackageRepository "cran"]
        URL = https://cran.example.com/
        [RPackageRepository "say \\"hi\\" \\\\ bye"]
        URL = https://hi.example.com/
        [ RPackageRepository"Bio" ]
        URL = https://bioconductor.example.com/
        """);

    assertThat(file.facts()).containsOnlyKeys("rpackagerepository \"CRAN\".url", "rpackagerepository \"cran\".url",
        "rpackagerepository \"say \\\"hi\\\" \\\\ bye\".url", "rpackagerepository \"Bio\".url");
    assertThat(file.settings()).extracting(GcfgSetting::subsection)
        .containsExactly("CRAN", "cran", "say \"hi\" \\ bye", "Bio");
  }

  @Test
  void commentsOfBothKindsWholeLineOrTrailingAreIgnored() throws Exception {
    GcfgFile file = parse("""
        # a hash comment
        ; a semicolon comment
          ; an indented one
        [Server] ; after a header
        Address = https://connect.example.com/ # trailing hash
        DataDir = /mnt/anf/rstudio-connect;no space needed
        [HTTP]# right after the bracket
        NoWarning ; a bare name is true
        """);

    assertThat(file.facts()).containsExactly(
        entry("server.address", List.of("https://connect.example.com/")),
        entry("server.datadir", List.of("/mnt/anf/rstudio-connect")),
        entry("http.nowarning", List.of("true")));
    assertThat(file.settings().get(2).typed().canonical()).isEqualTo("true");
  }

  @Test
  void quotedPartsKeepCommentCharactersAndWhitespaceAndResolveEscapes() throws Exception {
    GcfgFile file = parse("""
        [Applications]
        A = "semi;colon #hash"
        B = say "a;b" then   c   ; trailing spaces go, inner ones stay
        C = "  padded  "
        D = "tab\\tnew\\nline \\"quoted\\" back\\\\slash bell\\b"
        E = ""
        F =
        G=x
        """);

    assertThat(file.settings()).extracting(GcfgSetting::value).containsExactly("semi;colon #hash",
        "say a;b then   c", "  padded  ", "tab\tnew\nline \"quoted\" back\\slash bell\b", "", "", "x");
  }

  @Test
  void aBackslashAtTheEndOfALineContinuesTheValue() throws Exception {
    GcfgFile file = parse("""
        [Server]
        Address = https://connect.\\
        example.com/
        Description = first \\
          second ; comment
        DataDir = /mnt/anf
        """);

    assertThat(file.settings()).extracting(GcfgSetting::value, GcfgSetting::line).containsExactly(
        tuple("https://connect.example.com/", 2),
        tuple("first   second", 4),
        tuple("/mnt/anf", 6));
  }

  @Test
  void aFileWithBomAndCrlfReadsLikeAnyOtherAndIsDigestedAsItsBytes() throws Exception {
    String text = "\uFEFF[Server]\r\nAddress = https://connect.example.com/\r\n\r\n[HTTP]\r\nListen = \":3939\" \r\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Path path = dir.resolve("rstudio-connect.gcfg");
    Files.write(path, bytes);

    GcfgFile file = new GcfgReader().read(path);

    assertThat(file.name()).isEqualTo(path.toString());
    assertThat(file.digest()).isEqualTo(sha256(bytes));
    assertThat(file.settings()).extracting(GcfgSetting::key, GcfgSetting::value, GcfgSetting::line).containsExactly(
        tuple("server.address", "https://connect.example.com/", 2),
        tuple("http.listen", ":3939", 5));
    assertThat(parse(text).settings()).isEqualTo(file.settings());
    assertRejected("\uFEFF[Server]\r\nAddress = \"x\r\n", 2, 11, "unterminated quoted value; expected a closing '\"'");
  }

  @Test
  void syntaxErrorsNameLineColumnAndWhatWasExpected() {
    assertRejected("[Server]\nAddress = \"https://connect.example.com/\n", 2, 11,
        "unterminated quoted value; expected a closing '\"'");
    assertRejected("[Server\nAddress = x\n", 1, 8, "unterminated section header; expected ']'");
    assertRejected("[Server ; ]\n", 1, 9, "unterminated section header; expected ']'");
    assertRejected("[RPackageRepository \"CRAN\"\n", 1, 27, "unterminated section header; expected ']'");
    assertRejected("[\n", 1, 2, "unterminated section header; expected a section name and ']'");
    assertRejected("[9lives]\n", 1, 2, "invalid section name; expected a letter");
    assertRejected("[Ser_ver]\n", 1, 5, "invalid character '_' in section name; expected letters, digits or '-'");
    assertRejected("[Server.Sub]\n", 1, 8, "invalid character '.' in section name; expected letters, digits or '-'");
    assertRejected("[Server x]\n", 1, 9, "expected a quoted subsection name or ']'");
    assertRejected("[RPackageRepository \"CRAN]\n", 1, 21, "unterminated subsection name; expected a closing '\"'");
    assertRejected("[RPackageRepository \"\"]\n", 1, 21, "empty subsection name; write [Section] without quotes");
    assertRejected("[R \"a\\tb\"]\n", 1, 7, "bad escape in subsection name; expected \\\" or \\\\");
    assertRejected("[Server] Address = x\n", 1, 10, "expected end of line or a comment after the section header");
    assertRejected("[Server]\n  _Address = x\n", 2, 3, "invalid variable name; expected a letter");
    assertRejected("[Server]\nData.Dir = x\n", 2, 5,
        "invalid character '.' in variable name; expected letters, digits or '-'");
    assertRejected("; header comes later\nAddress = x\n[Server]\n", 2, 1,
        "setting before any section; expected a [Section] header first");
    assertRejected("[Server]\nA = \"a\\qb\"\n", 2, 8, "bad escape; expected \\\", \\\\, \\n, \\t or \\b");
    assertRejected("[Server]\nDataDir = C:\\data\n", 2, 14,
        "bad escape; outside double quotes '\\' may only end a line, to continue the value");
    assertRejected("[Server]\nA = \"abc\\\ndef\"\n", 2, 10, "bad escape; a line cannot be continued inside double quotes");
    assertRejected("[Server]\n  = x\n", 2, 3, "missing variable name before '='");
    assertRejected("[Server]\nAddress https://connect.example.com/\n", 2, 9, "expected '=' after the variable name");
    assertRejected("[Server]\nA = one \\\n  two \"three\n", 3, 7, "unterminated quoted value; expected a closing '\"'");
  }

  @Test
  void aMissingOrNonUtf8FileIsAnInputExceptionToo() throws Exception {
    Path missing = dir.resolve("absent.gcfg");
    assertThatThrownBy(() -> new GcfgReader().read(missing)).isInstanceOf(InputException.class)
        .hasMessage(missing + ": no such file");

    Path latin1 = dir.resolve("latin1.gcfg");
    Files.write(latin1, "[Server]\nName = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> new GcfgReader().read(latin1)).isInstanceOf(InputException.class)
        .hasMessage(latin1 + ":2:11: invalid UTF-8 byte; expected UTF-8 text");
  }

  @Test
  void credentialsNeverLeaveTheReaderButUrlHostsAndOtherSettingsDo() throws Exception {
    GcfgFile file = parse("""
        [Server]
        Address = https://connect.example.com/
        SecretKeyFile = /var/lib/rstudio-connect/db/secret.key
        [Postgres]
        URL = "postgres://connect:s3cr3t%40x@host/db?sslmode=require"
        Password = s3cr3t-pg
        [Authentication]
        Provider = oauth2
        ClientSecret = s3cr3t-client
        [LDAP]
        BindDN = cn=connect,dc=example,dc=com
        BindPassword = s3cr3t-ldap
        [SAML]
        IdPMetaDataURL = https://idp.example.com/metadata
        Key = s3cr3t-saml
        [RPackageRepository "Internal"]
        URL = https://ci:s3cr3t-repo@packages.example.com/cran
        """);

    assertThat(file.facts()).containsExactly(
        entry("server.address", List.of("https://connect.example.com/")),
        entry("server.secretkeyfile", List.of("/var/lib/rstudio-connect/db/secret.key")),
        entry("postgres.url", List.of("postgres://connect:REDACTED@host/db?sslmode=require")),
        entry("authentication.provider", List.of("oauth2")),
        entry("ldap.binddn", List.of("cn=connect,dc=example,dc=com")),
        entry("saml.idpmetadataurl", List.of("https://idp.example.com/metadata")),
        entry("rpackagerepository \"Internal\".url", List.of("https://ci:REDACTED@packages.example.com/cran")));
    assertThat(file.settings()).filteredOn(GcfgSetting::secret).extracting(GcfgSetting::key).containsExactly(
        "postgres.url", "postgres.password", "authentication.clientsecret", "ldap.bindpassword", "saml.key",
        "rpackagerepository \"Internal\".url");
    assertThat(file.settings().get(3).toString()).isEqualTo("postgres.password = REDACTED (line 6)");
    assertThat(List.of(file.toString(), file.settings().toString(), file.facts().toString()))
        .allSatisfy(shown -> assertThat(shown).doesNotContain("s3cr3t"));
    // The reader keeps the raw value for whoever explicitly asks for it.
    assertThat(file.settings().get(3).value()).isEqualTo("s3cr3t-pg");
  }

  @Test
  void theSecretRuleMatchesCredentialNamesNotTheirNeighbours() {
    assertThat(List.of("postgres.password", "oauth2.clientsecret", "saml.key", "saml.spprivatekey", "server.apikey",
        "foo.secretkey", "github.token", "vault.passphrase", "postgres.url", "POSTGRES.URL",
        "rpackagerepository \"password.repo\".accesstoken")).allMatch(Secrets::isSecret);
    assertThat(List.of("http.keepalive", "server.address", "authorization.viewerscancreateapikeys",
        "server.secretkeyfile", "https.keypath", "rpackagerepository \"password.repo\".url", "postgres.host"))
        .noneMatch(Secrets::isSecret);
    assertThat(Secrets.redact("postgres.url", "postgres://u:p@ss@db.example.com:5432/c?sslmode=verify-full"))
        .isEqualTo("postgres://u:REDACTED@db.example.com:5432/c?sslmode=verify-full");
    assertThat(Secrets.redact("postgres.url", "postgres://db.example.com/c?user=u&password=pw&sslmode=require"))
        .isEqualTo("postgres://db.example.com/c?user=u&password=REDACTED&sslmode=require");
    assertThat(Secrets.redact("postgres.url", "postgres://connect@db.example.com/c"))
        .isEqualTo("postgres://connect@db.example.com/c");
    assertThat(Secrets.redact("ldap.bindpassword", "pw")).isEqualTo("REDACTED");
    assertThat(Secrets.redact("server.address", "https://connect.example.com/")).isEqualTo("https://connect.example.com/");
  }
}
