package dev.plumbline.core.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plumbline.core.model.Provenance;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON file read into a tree that remembers where things stand in it: the line and column of
 * every object that is an array element (resources, embedded children), so that findings and
 * errors can point at the input. Jackson's trees keep no positions, hence this reader.
 *
 * <p>A file may hold several JSON values one after another (the output of several {@code az ...
 * show} commands concatenated); they are then read as if they were the elements of one array.
 */
final class JsonDocument {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private final String file;
  private final byte[] bytes;
  private final JsonNode root;
  private final boolean sequence;
  private final Map<String, long[]> positions;
  private int streamed = -1;

  private JsonDocument(String file, byte[] bytes, JsonNode root, boolean sequence, Map<String, long[]> positions) {
    this.file = file;
    this.bytes = bytes;
    this.root = root;
    this.sequence = sequence;
    this.positions = positions;
  }

  /** Receives each element of a streamed array, with where it stands in the file's bytes. */
  @FunctionalInterface
  interface ElementSink {
    /**
     * @param offset the element's first byte, or -1 when it is not an object
     * @param length how many bytes it takes
     */
    void accept(JsonDocument document, JsonNode element, String pointer, int offset, int length) throws InputException;
  }

  /** The file held more than one JSON value, which a stream cannot tell apart from its first one in time. */
  static final class NotOneValue extends Exception {
    NotOneValue() {
      super(null, null, false, false);
    }
  }

  /**
   * Reads a file whose one value is an array element by element, handing each to {@code sink} as soon
   * as it is read and keeping none: the document's root is an empty array. Positions are remembered
   * as {@link #parse} does.
   *
   * @throws NotOneValue when another value follows the array (the elements already handed over were
   *     read with the pointers of a lone array, so the caller reads the file again with {@link #parse})
   */
  static JsonDocument stream(String file, byte[] bytes, ElementSink sink) throws InputException, NotOneValue {
    Map<String, long[]> positions = new HashMap<>();
    JsonDocument document = new JsonDocument(file, bytes, JsonNodeFactory.instance.arrayNode(), false, positions);
    Deque<long[]> open = new ArrayDeque<>();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("a streamed document must be an array");
      }
      document.streamed = streamElements(parser, document, "", open, new HashMap<>(), sink);
      if (parser.nextToken() != null) {
        throw new NotOneValue();
      }
      return document;
    } catch (IOException e) {
      throw failure(file, e, open);
    }
  }

  /**
   * Reads a file whose one value is an object, streaming the elements of its array {@code field} as
   * {@link #stream} does when one of {@code before} came first (so the object's kind is known before
   * its elements are handed over); that field is then an empty array in the root. Otherwise the
   * object is read whole, as {@link #parse} reads it, and {@link #streamed()} is -1.
   */
  static JsonDocument streamField(String file, byte[] bytes, String field, java.util.Set<String> before,
      ElementSink sink) throws InputException, NotOneValue {
    Map<String, long[]> positions = new HashMap<>();
    ObjectNode root = new ObjectNode(JsonNodeFactory.instance, new LinkedHashMap<>(8));
    JsonDocument document = new JsonDocument(file, bytes, root, false, positions);
    Deque<long[]> open = new ArrayDeque<>();
    Map<String, JsonNode> texts = new HashMap<>();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a document streamed by field must be an object");
      }
      JsonLocation at = parser.currentTokenLocation();
      long[] position = {at.getLineNr(), at.getColumnNr(), '}'};
      positions.put("", position);
      open.push(position);
      boolean known = false;
      StringBuilder pointer = new StringBuilder();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        pointer.setLength(0);
        pointer.append('/').append(escape(name));
        if (known && name.equals(field) && value == JsonToken.START_ARRAY && document.streamed < 0) {
          document.streamed = streamElements(parser, document, pointer.toString(), open, texts, sink);
          root.set(name, JsonNodeFactory.instance.arrayNode());
        } else {
          root.set(name, read(parser, value, pointer, false, positions, open, texts));
        }
        known |= before.contains(name);
      }
      open.pop();
      if (parser.nextToken() != null) {
        throw new NotOneValue();
      }
      return document;
    } catch (IOException e) {
      throw failure(file, e, open);
    }
  }

  /** Hands each element of the array the parser stands at to {@code sink}; how many there were. */
  private static int streamElements(JsonParser parser, JsonDocument document, String at, Deque<long[]> open,
      Map<String, JsonNode> texts, ElementSink sink) throws IOException, InputException {
    JsonLocation start = parser.currentTokenLocation();
    long[] position = {start.getLineNr(), start.getColumnNr(), ']'};
    document.positions.put(at, position);
    open.push(position);
    StringBuilder pointer = new StringBuilder();
    int index = 0;
    JsonToken next;
    while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (next == null) {
        throw new JsonParseException(parser, "unexpected end of input");
      }
      int offset = next == JsonToken.START_OBJECT ? (int) parser.currentTokenLocation().getByteOffset() : -1;
      pointer.setLength(0);
      pointer.append(at).append('/').append(index++);
      JsonNode element = read(parser, next, pointer, true, document.positions, open, texts);
      int length = offset < 0 ? 0 : (int) parser.currentTokenLocation().getByteOffset() + 1 - offset;
      sink.accept(document, element, pointer.toString(), offset, length);
    }
    open.pop();
    return index;
  }

  /** How many elements were handed to the sink, or -1 when nothing was streamed. */
  int streamed() {
    return streamed;
  }

  /**
   * One value read again from {@code length} bytes at {@code offset} of a file read before, without
   * positions: a resource whose tree was dropped ({@link JsonSlice}).
   */
  static JsonNode readValue(byte[] bytes, int offset, int length) {
    try (JsonParser parser = FACTORY.createParser(bytes, offset, length)) {
      return read(parser, parser.nextToken(), new StringBuilder(), false, null, new ArrayDeque<>(), null);
    } catch (IOException e) {
      // The same bytes were read once without fault.
      throw new java.io.UncheckedIOException("cannot read again the JSON at byte " + offset, e);
    }
  }

  /** Parses {@code bytes}, named {@code file} in messages. */
  static JsonDocument parse(String file, byte[] bytes) throws InputException {
    Map<String, long[]> positions = new HashMap<>();
    Deque<long[]> open = new ArrayDeque<>();
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      List<JsonNode> roots = new ArrayList<>();
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new InputException(file, 1, 1, "the file is empty; " + TopologyLoader.EXPECTED_SHAPES);
      }
      // A lone value is the document; several are read as if each were element i of an array.
      Map<String, JsonNode> texts = new HashMap<>();
      roots.add(read(parser, token, new StringBuilder(), true, positions, open, texts));
      token = parser.nextToken();
      if (token == null) {
        return new JsonDocument(file, bytes, roots.get(0), false, positions);
      }
      Map<String, long[]> first = new HashMap<>(positions);
      positions.clear();
      first.forEach((pointer, at) -> positions.put("/0" + pointer, at));
      while (token != null) {
        roots.add(read(parser, token, new StringBuilder("/" + roots.size()), true, positions, open, texts));
        token = parser.nextToken();
      }
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      roots.forEach(array::add);
      return new JsonDocument(file, bytes, array, true, positions);
    } catch (IOException e) {
      throw failure(file, e, open);
    }
  }

  private static JsonNode read(JsonParser parser, JsonToken token, StringBuilder pointer, boolean remember,
      Map<String, long[]> positions, Deque<long[]> open, Map<String, JsonNode> texts) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT: {
        JsonLocation at = parser.currentTokenLocation();
        long[] position = {at.getLineNr(), at.getColumnNr(), '}'};
        if (remember && positions != null) {
          positions.put(pointer.toString(), position);
        }
        open.push(position);
        // Most objects in ARM JSON hold a handful of fields; the default table has room for 12.
        ObjectNode object = new ObjectNode(nodes, new LinkedHashMap<>(8));
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          int length = pointer.length();
          pointer.append('/').append(escape(name));
          object.set(name, read(parser, parser.nextToken(), pointer, false, positions, open, texts));
          pointer.setLength(length);
        }
        open.pop();
        return object;
      }
      case START_ARRAY: {
        JsonLocation at = parser.currentTokenLocation();
        long[] position = {at.getLineNr(), at.getColumnNr(), ']'};
        if (remember && positions != null) {
          positions.put(pointer.toString(), position);
        }
        open.push(position);
        ArrayNode array = nodes.arrayNode();
        JsonToken next;
        int index = 0;
        while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (next == null) {
            throw new JsonParseException(parser, "unexpected end of input");
          }
          int length = pointer.length();
          pointer.append('/').append(index++);
          array.add(read(parser, next, pointer, true, positions, open, texts));
          pointer.setLength(length);
        }
        open.pop();
        return array;
      }
      case VALUE_STRING:
        // Inputs repeat their strings (locations, states, protocols, each id where it is referenced):
        // 1,000 copies of the reference deployment hold 716,000 strings of which 65,000 differ.
        return texts == null ? nodes.textNode(parser.getText()) : texts.computeIfAbsent(parser.getText(), nodes::textNode);
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return nodes.numberNode(parser.getDecimalValue());
      case VALUE_TRUE:
        return nodes.booleanNode(true);
      case VALUE_FALSE:
        return nodes.booleanNode(false);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        throw new JsonParseException(parser, "unexpected token " + token);
    }
  }

  /** What went wrong reading {@code file}, at the position Jackson stopped when the JSON is malformed. */
  private static InputException failure(String file, IOException e, Deque<long[]> open) {
    if (e instanceof StreamReadException malformed) {
      JsonLocation at = malformed.getLocation();
      int line = at == null ? 0 : at.getLineNr();
      int column = at == null ? 0 : at.getColumnNr();
      return new InputException(file, line, column, describe(malformed, open), e);
    }
    return new InputException(file, 0, 0, "cannot read: " + e.getMessage(), e);
  }

  private static String describe(StreamReadException e, Deque<long[]> open) {
    String message = e.getOriginalMessage();
    if (message == null) {
      message = "malformed JSON";
    }
    if (message.startsWith("Unexpected end-of-input") || message.startsWith("unexpected end of input")) {
      long[] innermost = open.peek();
      if (innermost != null) {
        return "unexpected end of file: the JSON is truncated; expected '" + (char) innermost[2]
            + "' to close the " + (innermost[2] == '}' ? "object" : "array") + " opened at line " + innermost[0]
            + ", column " + innermost[1];
      }
      return "unexpected end of file: the JSON is truncated";
    }
    if (message.startsWith("Duplicate field")) {
      return "duplicate key " + message.substring("Duplicate field".length()).trim()
          + " in one object; each key may appear once";
    }
    int cut = message.indexOf('\n');
    message = cut < 0 ? message : message.substring(0, cut);
    return "malformed JSON: " + message.trim();
  }

  static String escape(String key) {
    return key.indexOf('~') < 0 && key.indexOf('/') < 0 ? key : key.replace("~", "~0").replace("/", "~1");
  }

  String file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /** Whether the file held several JSON values one after another. */
  boolean isSequence() {
    return sequence;
  }

  /**
   * The provenance of the value at {@code pointer}: its exact position when it was remembered while
   * parsing, else found by reading the file again (only on the rare error path), else the position
   * of its nearest remembered ancestor.
   */
  Provenance at(String pointer) {
    long[] exact = positions.get(pointer);
    if (exact != null) {
      return new Provenance(file, pointer, (int) exact[0], (int) exact[1]);
    }
    long[] found = sequence ? null : scan(pointer);
    if (found != null) {
      return new Provenance(file, pointer, (int) found[0], (int) found[1]);
    }
    String ancestor = pointer;
    while (!ancestor.isEmpty()) {
      ancestor = ancestor.substring(0, ancestor.lastIndexOf('/'));
      long[] near = positions.get(ancestor);
      if (near != null) {
        return new Provenance(file, pointer, (int) near[0], (int) near[1]);
      }
    }
    return new Provenance(file, pointer, 1, 1);
  }

  /** The remembered position of {@code pointer} only, for bulk use on the hot path (no re-scan). */
  Provenance remembered(String pointer) {
    long[] exact = positions.get(pointer);
    return exact == null ? at(pointer) : new Provenance(file, pointer, (int) exact[0], (int) exact[1]);
  }

  private long[] scan(String target) {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          continue;
        }
        // At a container's start the parser already stands in the new context; its parent names it.
        JsonStreamContext context = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
        if (context != null && context.pathAsPointer().toString().equals(target)) {
          JsonLocation at = parser.currentTokenLocation();
          return new long[] {at.getLineNr(), at.getColumnNr()};
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
