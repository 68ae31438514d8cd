package dev.plumbline.core.nodes;

import dev.plumbline.core.load.InputException;
import dev.plumbline.core.load.InputFiles;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Posit Connect's {@code rstudio-connect.gcfg} the way Go's gcfg does, keeping each setting's line.
 *
 * <p>Hand-written because no Java library reads gcfg (the git-config-derived format of
 * gopkg.in/gcfg.v1) with positions, and audit findings must point at a line. Where gcfg and git-config
 * differ we follow gcfg, since that is what Connect runs: escapes only inside double quotes, a
 * {@code \} outside quotes only to continue the line, nothing after a section header but a comment.
 * One leniency from git-config: a bare {@code Name} is the boolean {@code true}.
 */
public final class GcfgReader {

  /** Reads a file; a syntax error is an InputException naming file, line and column and what was expected. */
  public GcfgFile read(Path file) throws InputException {
    String name = file.toString();
    byte[] bytes = InputFiles.readAllBytes(file);
    return new GcfgFile(name, GcfgFile.sha256(bytes), new Parser(name, utf8(name, bytes)).settings());
  }

  /** Parses text as if read from a file of that name, for tests and for files fetched from a node. */
  public GcfgFile parse(String fileName, String text) throws InputException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new GcfgFile(fileName, GcfgFile.sha256(bytes), new Parser(fileName, text).settings());
  }

  /** Decodes strictly: gcfg rejects files that are not UTF-8, and a replaced byte would hide a bad value. */
  private static String utf8(String name, byte[] bytes) throws InputException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      String before = new String(bytes, 0, in.position(), StandardCharsets.UTF_8);
      int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
      throw new InputException(name, line, before.length() - before.lastIndexOf('\n'),
          "invalid UTF-8 byte; expected UTF-8 text");
    }
    return out.flip().toString();
  }

  /** One pass over the text; {@code pos} walks characters, {@code lineStart} gives columns. */
  private static final class Parser {
    private final String file;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private String section;
    private String subsection;

    Parser(String file, String text) {
      this.file = file;
      // CRLF: dropping the CR before each LF changes no column, since it only ever ends a line.
      String unixText = text.replace("\r\n", "\n");
      this.text = unixText.startsWith("\uFEFF") ? unixText.substring(1) : unixText;
    }

    List<GcfgSetting> settings() throws InputException {
      List<GcfgSetting> settings = new ArrayList<>();
      while (pos < text.length()) {
        skipBlanks();
        char c = peek();
        if (c == '[') {
          header();
        } else if (c != '\n' && !isCommentStart(c)) {
          settings.add(setting());
        }
        skipBlanks();
        if (isCommentStart(peek())) {
          while (peek() != '\n') {
            pos++;
          }
        }
        if (pos < text.length()) {
          if (peek() != '\n') {
            throw error("expected end of line or a comment after the section header");
          }
          newLine();
        }
      }
      return List.copyOf(settings);
    }

    private void header() throws InputException {
      pos++;
      skipBlanks();
      if (atLineEnd()) {
        throw error("unterminated section header; expected a section name and ']'");
      }
      String name = identifier("section name", "\"]");
      String sub = null;
      skipBlanks();
      if (peek() == '"') {
        sub = quotedSubsection();
        skipBlanks();
      }
      if (peek() != ']') {
        throw error(atLineEnd() ? "unterminated section header; expected ']'"
            : sub == null ? "expected a quoted subsection name or ']'" : "expected ']' after the subsection name");
      }
      pos++;
      section = name;
      subsection = sub;
    }

    private String quotedSubsection() throws InputException {
      int quoteLine = line;
      int quoteColumn = column();
      pos++;
      StringBuilder sub = new StringBuilder();
      while (peek() != '"') {
        if (peek() == '\n') {
          throw new InputException(file, quoteLine, quoteColumn, "unterminated subsection name; expected a closing '\"'");
        }
        if (peek() == '\\') {
          pos++;
          if (peek() != '"' && peek() != '\\') {
            throw error("bad escape in subsection name; expected \\\" or \\\\");
          }
        }
        sub.append(peek());
        pos++;
      }
      pos++;
      if (sub.isEmpty()) {
        // gcfg forbids [sec ""]: it would be a second spelling of [sec].
        throw new InputException(file, quoteLine, quoteColumn, "empty subsection name; write [Section] without quotes");
      }
      return sub.toString();
    }

    private GcfgSetting setting() throws InputException {
      if (peek() == '=') {
        throw error("missing variable name before '='");
      }
      if (section == null) {
        throw error("setting before any section; expected a [Section] header first");
      }
      int settingLine = line;
      String name = identifier("variable name", "=");
      skipBlanks();
      if (atLineEnd()) {
        return new GcfgSetting(section, subsection, name, "true", settingLine);
      }
      if (peek() != '=') {
        throw error("expected '=' after the variable name");
      }
      pos++;
      return new GcfgSetting(section, subsection, name, value(), settingLine);
    }

    /** Letters, digits and '-', starting with a letter; names are matched ignoring case later, by key(). */
    private String identifier(String kind, String followers) throws InputException {
      if (!Character.isLetter(peek())) {
        throw error("invalid " + kind + "; expected a letter");
      }
      int start = pos;
      while (Character.isLetterOrDigit(peek()) || peek() == '-') {
        pos++;
      }
      if (!isBlank(peek()) && !atLineEnd() && followers.indexOf(peek()) < 0) {
        throw error("invalid character '" + peek() + "' in " + kind + "; expected letters, digits or '-'");
      }
      return text.substring(start, pos);
    }

    /** Trims unquoted whitespace at both ends; {@code kept} is the length up to the last character that counts. */
    private String value() throws InputException {
      skipBlanks();
      StringBuilder value = new StringBuilder();
      int kept = 0;
      boolean quoted = false;
      int quoteLine = 0;
      int quoteColumn = 0;
      for (char c = peek(); c != '\n' && (quoted || !isCommentStart(c)); c = peek()) {
        pos++;
        if (c == '"') {
          quoted = !quoted;
          quoteLine = line;
          quoteColumn = column() - 1;
        } else if (c == '\\' && !quoted && peek() == '\n') {
          if (pos < text.length()) {
            newLine();
          }
        } else if (c == '\\') {
          int escape = "\"\\ntb".indexOf(peek());
          if (!quoted) {
            throw error("bad escape; outside double quotes '\\' may only end a line, to continue the value");
          } else if (peek() == '\n') {
            throw error("bad escape; a line cannot be continued inside double quotes");
          } else if (escape < 0) {
            throw error("bad escape; expected \\\", \\\\, \\n, \\t or \\b");
          }
          value.append("\"\\\n\t\b".charAt(escape));
          pos++;
        } else {
          value.append(c);
          if (!quoted && isBlank(c)) {
            continue;
          }
        }
        kept = value.length();
      }
      if (quoted) {
        throw new InputException(file, quoteLine, quoteColumn, "unterminated quoted value; expected a closing '\"'");
      }
      return value.substring(0, kept);
    }

    /** The character at {@code pos}, with the end of the text read as the end of a line. */
    private char peek() {
      return pos < text.length() ? text.charAt(pos) : '\n';
    }

    private boolean atLineEnd() {
      return peek() == '\n' || isCommentStart(peek());
    }

    private static boolean isCommentStart(char c) {
      return c == ';' || c == '#';
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\r';
    }

    private void skipBlanks() {
      while (isBlank(peek())) {
        pos++;
      }
    }

    private void newLine() {
      pos++;
      line++;
      lineStart = pos;
    }

    private int column() {
      return pos - lineStart + 1;
    }

    private InputException error(String problem) {
      return new InputException(file, line, column(), problem);
    }
  }
}
