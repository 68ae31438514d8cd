package dev.plumbline.reports.html;

import gg.jte.TemplateOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A jte output that encodes to UTF-8 as it goes and streams to an {@link OutputStream} through one
 * buffer: a page of tens of megabytes is neither held nor passed through a {@link java.io.Writer}'s
 * general-purpose encoder. A lone surrogate becomes {@code ?}, as an {@link java.io.OutputStreamWriter} makes it.
 */
final class Utf8StreamOutput implements TemplateOutput {

  private final OutputStream out;
  private final byte[] buffer = new byte[1 << 16];
  private int used;

  Utf8StreamOutput(OutputStream out) {
    this.out = out;
  }

  @Override
  public void writeContent(String value) {
    writeContent(value, 0, value.length());
  }

  @Override
  public void writeContent(String value, int beginIndex, int endIndex) {
    for (int i = beginIndex; i < endIndex; i++) {
      if (buffer.length - used < 4) {
        drain();
      }
      char c = value.charAt(i);
      if (c < 0x80) {
        buffer[used++] = (byte) c;
      } else if (c < 0x800) {
        buffer[used++] = (byte) (0xC0 | c >> 6);
        buffer[used++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isHighSurrogate(c) && i + 1 < endIndex && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        buffer[used++] = (byte) (0xF0 | codePoint >> 18);
        buffer[used++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        buffer[used++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        buffer[used++] = (byte) (0x80 | codePoint & 0x3F);
      } else if (Character.isSurrogate(c)) {
        buffer[used++] = '?';
      } else {
        buffer[used++] = (byte) (0xE0 | c >> 12);
        buffer[used++] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[used++] = (byte) (0x80 | c & 0x3F);
      }
    }
  }

  @Override
  public void writeBinaryContent(byte[] value) {
    if (value.length > buffer.length - used) {
      drain();
      if (value.length > buffer.length) {
        write(value, value.length);
        return;
      }
    }
    System.arraycopy(value, 0, buffer, used, value.length);
    used += value.length;
  }

  /** Writes what is buffered and flushes the stream. */
  void flush() throws IOException {
    out.write(buffer, 0, used);
    used = 0;
    out.flush();
  }

  private void drain() {
    write(buffer, used);
    used = 0;
  }

  private void write(byte[] bytes, int length) {
    try {
      out.write(bytes, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
