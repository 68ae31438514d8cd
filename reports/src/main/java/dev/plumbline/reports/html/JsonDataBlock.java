package dev.plumbline.reports.html;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import gg.jte.Content;
import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The body of a {@code <script type="application/json">} data block, written by Jackson straight
 * into the page: browsers neither run nor lay out a data block, and the script reads it with
 * {@code JSON.parse}.
 *
 * <p>Why this is safe without jte's escaping: a data block's text ends only at {@code </script}, and
 * the HTML tokenizer treats it specially only after {@code <!--} or {@code <script}; every one of
 * these needs a {@code <}. Jackson writes {@code <}, {@code >} and {@code &} (and every character
 * outside ASCII, so also U+2028, U+2029 and bidirectional controls) as {@code \\u} escapes with four
 * hex digits, and control characters as JSON escapes, so the block holds printable ASCII without
 * {@code <}: nothing in it can end or reinterpret the element, and {@code JSON.parse} gives back the
 * exact strings. jte's escaping for script content would only add a backslash before every {@code -}
 * and {@code /} (a quarter of the bytes) and a pass over every character. Being ASCII, the block is
 * handed on as the bytes Jackson encoded, not as characters to encode again.
 */
abstract class JsonDataBlock implements Content {

  private static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .characterEscapes(new HtmlSafeEscapes())
      .build();

  /** Writes the block's one JSON value. */
  abstract void writeJson(JsonGenerator json) throws IOException;

  @Override
  public final void writeTo(TemplateOutput output) {
    try (JsonGenerator json = FACTORY.createGenerator(new RawBytes(output), JsonEncoding.UTF8)) {
      writeJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Hands Jackson's output to jte as template content, unescaped: Jackson has already made it safe
   * for the data block (see the class comment).
   */
  private static final class RawBytes extends OutputStream {
    private final TemplateOutput output;

    RawBytes(TemplateOutput output) {
      this.output = output;
    }

    @Override
    public void write(int b) {
      output.writeBinaryContent(new byte[] {(byte) b});
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
      // A copy: Jackson reuses its buffer, and an output may keep what it is given.
      output.writeBinaryContent(Arrays.copyOfRange(buffer, offset, offset + length));
    }

    @Override
    public void flush() {
      // The template output is flushed by the report writer.
    }

    @Override
    public void close() {
      // Closing the generator must not close the report.
    }
  }

  /** JSON escapes that also keep {@code <}, {@code >} and {@code &} out of the data block (\\u003c). */
  static final class HtmlSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    HtmlSafeEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
      escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return null;
    }
  }
}
