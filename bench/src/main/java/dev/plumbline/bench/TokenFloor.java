package dev.plumbline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The least any audit of a file must spend: a streaming read of every token, with every name and
 * string decoded and every number parsed, nothing kept. The command line measures the same thing in
 * its own JVM ({@code plumbline-timing floor}); this one runs in the runner's JVM, for when it does not.
 */
final class TokenFloor {

  private TokenFloor() {}

  /** Reads every token of {@code file} and returns how many there were. */
  static long read(Path file) throws IOException {
    long tokens = 0;
    long sink = 0;
    try (JsonParser parser = new JsonFactory().createParser(file.toFile())) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        tokens++;
        switch (token) {
          case FIELD_NAME, VALUE_STRING -> sink += parser.getTextLength();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> sink += parser.getNumberValue().hashCode();
          default -> { }
        }
      }
    }
    return sink == Long.MIN_VALUE ? -tokens : tokens;
  }
}
