package dev.plumbline.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plumbline.core.model.JsonSource;

/**
 * A resource's place in the bytes of the file it was read from, to read its JSON again there. The
 * file's bytes are kept once for all its resources: far less than their trees.
 */
final class JsonSlice implements JsonSource {

  private final byte[] bytes;
  private final int offset;
  private final int length;

  JsonSlice(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public JsonNode read() {
    return JsonDocument.readValue(bytes, offset, length);
  }
}
