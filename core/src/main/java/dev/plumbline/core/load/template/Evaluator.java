package dev.plumbline.core.load.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Evaluates template expressions against one template; it caches variable values, so use one instance per
 * resolution only.
 */
final class Evaluator {

  /** Receives the values that stay unresolved while a JSON tree is resolved. */
  interface Sink {
    void unresolved(String pointer, String expression, String reason);
  }

  /** Bounds recursion on hostile input; real templates nest a few dozen levels at most. */
  static final int MAX_VALUE_DEPTH = 256;

  private static final int MAX_LOOKUP_DEPTH = 32;

  /**
   * Bounds the combined depth of trees and expressions across chained variables, which the per-tree and
   * per-expression limits alone do not; measured to fit a 512 KB thread stack with JIT-compiled frames, half
   * the usual default.
   */
  static final int MAX_NESTING = 500;

  /**
   * Variables that use other variables several times grow exponentially; these budgets stop such a template
   * long before it exhausts memory, yet sit far above what a real exported template needs.
   */
  static final long MAX_COPIED_NODES = 1_000_000;

  static final long MAX_BUILT_CHARACTERS = 50_000_000;

  /** Inside a variable a single unresolved string makes the whole variable unusable, so stop at the first. */
  private static final Sink FAIL_FAST = (pointer, expression, reason) -> {
    throw new Unresolvable(reason);
  };

  private static final Set<String> DEPLOYMENT_TIME = Set.of(
      "reference", "resourceinfo", "newguid", "utcnow", "deployment", "environment", "uniquestring", "guid",
      "providers", "pickzones", "managementgroup", "tenant", "deployer");

  private static final Set<String> SUPPORTED = Set.of(
      "parameters", "variables", "resourceid", "subscriptionresourceid", "concat", "format", "subscription",
      "resourcegroup", "tolower", "toupper", "string", "int", "replace", "split", "first", "last", "empty", "if",
      "equals", "not", "and", "or", "length", "true", "false", "null");

  private final String subscriptionId;
  private final String resourceGroupName;
  private final String location;
  private final JsonNode parameters;
  private final JsonNode variables;

  /** Keyed by {@code parameters('x')} or {@code variables('x')}; a null value records a failure reason. */
  private final Map<String, Outcome> lookups = new HashMap<>();
  private final List<String> inProgress = new ArrayList<>();
  private int nesting;
  private long nodesLeft = MAX_COPIED_NODES;
  private long charactersLeft = MAX_BUILT_CHARACTERS;

  private record Outcome(JsonNode value, String failure) {}

  Evaluator(String subscriptionId, String resourceGroupName, String location, JsonNode template) {
    this.subscriptionId = subscriptionId;
    this.resourceGroupName = resourceGroupName;
    this.location = location;
    this.parameters = objectOrEmpty(template.get("parameters"));
    this.variables = objectOrEmpty(template.get("variables"));
  }

  private static JsonNode objectOrEmpty(JsonNode node) {
    return node != null && node.isObject() ? node : Nodes.FACTORY.objectNode();
  }

  /**
   * Returns a new tree with every string expression evaluated; strings that cannot be evaluated are kept as
   * written and passed to the sink.
   */
  JsonNode resolveTree(JsonNode node, String pointer, int depth, Sink sink) {
    if (node.isTextual()) {
      String raw = node.textValue();
      try {
        return evaluateString(raw);
      } catch (Unresolvable e) {
        sink.unresolved(pointer, raw, e.reason());
        return node;
      }
    }
    if (!node.isContainerNode()) {
      return node;
    }
    if (depth >= MAX_VALUE_DEPTH) {
      sink.unresolved(pointer, Nodes.rawText(node),
          "value is nested more than " + MAX_VALUE_DEPTH + " levels deep and is not resolved");
      return Nodes.copy(node);
    }
    if (nesting >= MAX_NESTING) {
      sink.unresolved(pointer, Nodes.rawText(node), tooDeep());
      return Nodes.copy(node);
    }
    nesting++;
    try {
      if (node.isObject()) {
        ObjectNode out = Nodes.FACTORY.objectNode();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          out.set(field.getKey(),
              resolveTree(field.getValue(), Nodes.pointer(pointer, field.getKey()), depth + 1, sink));
        }
        return out;
      }
      ArrayNode out = Nodes.FACTORY.arrayNode();
      for (int i = 0; i < node.size(); i++) {
        out.add(resolveTree(node.get(i), Nodes.pointer(pointer, i), depth + 1, sink));
      }
      return out;
    } finally {
      nesting--;
    }
  }

  private static String tooDeep() {
    return "evaluation nests more than " + MAX_NESTING + " levels deep";
  }

  /** Whether ARM treats the string as an expression rather than as literal text. */
  static boolean isExpression(String raw) {
    return raw.length() >= 2 && raw.startsWith("[") && raw.endsWith("]") && !raw.startsWith("[[");
  }

  /**
   * Evaluates one template string; literal strings come back unchanged except for the {@code [[} escape.
   *
   * @throws Unresolvable when the string is an expression that cannot be evaluated statically
   */
  JsonNode evaluateString(String raw) {
    if (raw.length() >= 2 && raw.startsWith("[[") && raw.endsWith("]")) {
      return TextNode.valueOf(raw.substring(1));
    }
    if (!isExpression(raw)) {
      return TextNode.valueOf(raw);
    }
    return evaluate(ExpressionParser.parseTemplateExpression(raw));
  }

  JsonNode evaluate(Expr expr) {
    if (nesting >= MAX_NESTING) {
      throw new Unresolvable(tooDeep());
    }
    nesting++;
    try {
      return evaluateNode(expr);
    } finally {
      nesting--;
    }
  }

  private JsonNode evaluateNode(Expr expr) {
    if (expr instanceof Expr.Literal literal) {
      return literal.value();
    }
    if (expr instanceof Expr.Property property) {
      return property(evaluate(property.target()), property.name(), property.target());
    }
    if (expr instanceof Expr.Index index) {
      JsonNode target = evaluate(index.target());
      return index(target, evaluate(index.index()));
    }
    return call((Expr.Call) expr);
  }

  private JsonNode property(JsonNode target, String name, Expr targetExpr) {
    if (!target.isObject()) {
      throw new Unresolvable("cannot read property '" + name + "' of " + describe(target));
    }
    JsonNode value = Nodes.getIgnoringCase(target, name);
    if (value != null) {
      return value;
    }
    if (targetExpr instanceof Expr.Call call) {
      String fn = call.name().toLowerCase(Locale.ROOT);
      if (fn.equals("resourcegroup") && name.equalsIgnoreCase("location")) {
        throw new Unresolvable("resourceGroup().location is unknown because no location was given");
      }
      if (fn.equals("resourcegroup") || fn.equals("subscription")) {
        throw new Unresolvable(call.name() + "()." + name + " is known only at deployment time");
      }
    }
    throw new Unresolvable("property '" + name + "' does not exist");
  }

  private static JsonNode index(JsonNode target, JsonNode index) {
    if (target.isArray() && index.isIntegralNumber()) {
      long i = index.asLong();
      if (i < 0 || i >= target.size()) {
        throw new Unresolvable("index " + i + " is out of range for an array of " + target.size() + " elements");
      }
      return target.get((int) i);
    }
    if (target.isObject() && index.isTextual()) {
      JsonNode value = Nodes.getIgnoringCase(target, index.textValue());
      if (value == null) {
        throw new Unresolvable("property '" + index.textValue() + "' does not exist");
      }
      return value;
    }
    throw new Unresolvable("cannot index " + describe(target) + " with " + describe(index));
  }

  private JsonNode call(Expr.Call call) {
    String fn = call.name().toLowerCase(Locale.ROOT);
    if (DEPLOYMENT_TIME.contains(fn) || fn.startsWith("list")) {
      throw new Unresolvable("function '" + call.name() + "' is evaluated only at deployment time");
    }
    if (fn.equals("copyindex")) {
      throw new Unresolvable("function '" + call.name() + "' is evaluated only inside an expanded copy loop");
    }
    if (!SUPPORTED.contains(fn)) {
      throw new Unresolvable("function '" + call.name() + "' is not supported");
    }
    // These three decide some arguments without evaluating the others, as ARM does for if().
    switch (fn) {
      case "if":
        return ifFunction(call);
      case "and":
        return logical(call, true);
      case "or":
        return logical(call, false);
      default:
        break;
    }
    List<JsonNode> args = new ArrayList<>(call.args().size());
    for (Expr arg : call.args()) {
      args.add(evaluate(arg));
    }
    JsonNode result = apply(call, fn, args);
    if (result.isTextual()) {
      charactersLeft -= result.textValue().length();
      if (charactersLeft < 0) {
        throw new Unresolvable("the template builds more than " + MAX_BUILT_CHARACTERS
            + " characters of strings; evaluation stopped");
      }
    } else if (result.isContainerNode()) {
      chargeNodes(result.size());
    }
    return result;
  }

  private JsonNode apply(Expr.Call call, String fn, List<JsonNode> args) {
    switch (fn) {
      case "parameters":
        arity(call, args, 1, 1);
        return parameter(text(call, args.get(0)));
      case "variables":
        arity(call, args, 1, 1);
        return variable(text(call, args.get(0)));
      case "resourceid":
        return resourceId(call, args, false);
      case "subscriptionresourceid":
        return resourceId(call, args, true);
      case "concat":
        return concat(call, args);
      case "format":
        arity(call, args, 1, Integer.MAX_VALUE);
        return TextNode.valueOf(format(call, text(call, args.get(0)), args.subList(1, args.size())));
      case "subscription":
        arity(call, args, 0, 0);
        return subscription();
      case "resourcegroup":
        arity(call, args, 0, 0);
        return resourceGroup();
      case "tolower":
        arity(call, args, 1, 1);
        return TextNode.valueOf(text(call, args.get(0)).toLowerCase(Locale.ROOT));
      case "toupper":
        arity(call, args, 1, 1);
        return TextNode.valueOf(text(call, args.get(0)).toUpperCase(Locale.ROOT));
      case "string":
        arity(call, args, 1, 1);
        return TextNode.valueOf(string(args.get(0)));
      case "int":
        arity(call, args, 1, 1);
        return toInt(call, args.get(0));
      case "replace":
        arity(call, args, 3, 3);
        return replace(call, args);
      case "split":
        arity(call, args, 2, 2);
        return split(call, args.get(0), args.get(1));
      case "first":
        arity(call, args, 1, 1);
        return firstOrLast(call, args.get(0), true);
      case "last":
        arity(call, args, 1, 1);
        return firstOrLast(call, args.get(0), false);
      case "empty":
        arity(call, args, 1, 1);
        return BooleanNode.valueOf(empty(call, args.get(0)));
      case "equals":
        arity(call, args, 2, 2);
        return BooleanNode.valueOf(jsonEquals(args.get(0), args.get(1)));
      case "not":
        arity(call, args, 1, 1);
        return BooleanNode.valueOf(!bool(call, args.get(0)));
      case "length":
        arity(call, args, 1, 1);
        return length(call, args.get(0));
      case "true":
        arity(call, args, 0, 0);
        return BooleanNode.TRUE;
      case "false":
        arity(call, args, 0, 0);
        return BooleanNode.FALSE;
      case "null":
        arity(call, args, 0, 0);
        return NullNode.getInstance();
      default:
        throw new Unresolvable("function '" + call.name() + "' is not supported");
    }
  }

  // ---- parameters and variables -------------------------------------------------------------------------

  private JsonNode parameter(String name) {
    Map.Entry<String, JsonNode> declaration = find(parameters, name);
    if (declaration == null) {
      throw new Unresolvable("parameter '" + name + "' is not declared");
    }
    JsonNode defaultValue = declaration.getValue().get("defaultValue");
    if (defaultValue == null) {
      throw new Unresolvable("parameter '" + declaration.getKey() + "' has no defaultValue");
    }
    return lookup("parameters('" + declaration.getKey() + "')",
        () -> resolveTree(defaultValue, "", 0, FAIL_FAST));
  }

  private JsonNode variable(String name) {
    Map.Entry<String, JsonNode> declaration = find(variables, name);
    if (declaration == null || (declaration.getKey().equalsIgnoreCase("copy") && declaration.getValue().isArray())) {
      if (declaresCopiedVariable(name)) {
        throw new Unresolvable("variable copy loops are not expanded");
      }
      throw new Unresolvable("variable '" + name + "' is not declared");
    }
    JsonNode value = declaration.getValue();
    if (value.isObject() && value.path("copy").isArray()) {
      throw new Unresolvable("variable copy loops are not expanded");
    }
    return lookup("variables('" + declaration.getKey() + "')", () -> resolveTree(value, "", 0, FAIL_FAST));
  }

  /** A top-level {@code copy} in variables declares variables whose values exist only once the loop runs. */
  private boolean declaresCopiedVariable(String name) {
    JsonNode copy = Nodes.getIgnoringCase(variables, "copy");
    if (copy == null || !copy.isArray()) {
      return false;
    }
    for (JsonNode loop : copy) {
      if (loop.path("name").isTextual() && loop.path("name").textValue().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private static Map.Entry<String, JsonNode> find(JsonNode object, String name) {
    JsonNode exact = object.get(name);
    if (exact != null) {
      return Map.entry(name, exact);
    }
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field;
      }
    }
    return null;
  }

  /** Memoises lookups and turns self-reference into a reason instead of endless recursion. */
  private JsonNode lookup(String key, Supplier<JsonNode> compute) {
    Outcome known = lookups.get(key);
    if (known != null) {
      if (known.failure() != null) {
        throw new Unresolvable(known.failure());
      }
      // Callers may place the value in an output resource; each must get its own copy.
      chargeNodes(Nodes.count(known.value(), nodesLeft + 1));
      return Nodes.copy(known.value());
    }
    int at = inProgress.indexOf(key);
    if (at >= 0) {
      throw new Unresolvable("circular reference: "
          + String.join(" -> ", inProgress.subList(at, inProgress.size())) + " -> " + key);
    }
    if (inProgress.size() >= MAX_LOOKUP_DEPTH) {
      throw new Unresolvable("variables and parameters refer to each other more than " + MAX_LOOKUP_DEPTH
          + " levels deep");
    }
    inProgress.add(key);
    try {
      JsonNode value = compute.get();
      lookups.put(key, new Outcome(value, null));
      chargeNodes(Nodes.count(value, nodesLeft + 1));
      return Nodes.copy(value);
    } catch (Unresolvable e) {
      lookups.put(key, new Outcome(null, e.reason()));
      throw e;
    } finally {
      inProgress.remove(inProgress.size() - 1);
    }
  }

  private void chargeNodes(long count) {
    nodesLeft -= count;
    if (nodesLeft < 0) {
      throw new Unresolvable("the template expands to more than " + MAX_COPIED_NODES
          + " values through its variables; evaluation stopped");
    }
  }

  // ---- resource ids and scopes --------------------------------------------------------------------------

  private JsonNode resourceId(Expr.Call call, List<JsonNode> args, boolean subscriptionScope) {
    List<String> texts = new ArrayList<>(args.size());
    for (JsonNode arg : args) {
      texts.add(text(call, arg));
    }
    int typeAt = -1;
    for (int i = 0; i < texts.size() && typeAt < 0; i++) {
      if (texts.get(i).contains("/")) {
        typeAt = i;
      }
    }
    if (typeAt < 0) {
      throw new Unresolvable("function '" + call.name() + "' has no resource type argument such as "
          + "'Microsoft.Network/virtualNetworks'");
    }
    String subscription = subscriptionId;
    String group = resourceGroupName;
    int maxLeading = subscriptionScope ? 1 : 2;
    if (typeAt > maxLeading) {
      throw new Unresolvable("function '" + call.name() + "' takes at most " + maxLeading
          + " arguments before the resource type but got " + typeAt);
    }
    if (subscriptionScope) {
      if (typeAt == 1) {
        subscription = texts.get(0);
      }
    } else if (typeAt == 1) {
      group = texts.get(0);
    } else if (typeAt == 2) {
      subscription = texts.get(0);
      group = texts.get(1);
    }
    String type = texts.get(typeAt);
    List<String> typeSegments = ResourceIds.segments(type);
    if (typeSegments.size() < 2 || typeSegments.contains("")) {
      throw new Unresolvable("function '" + call.name() + "' got an invalid resource type '" + type + "'");
    }
    List<String> names = new ArrayList<>();
    for (String name : texts.subList(typeAt + 1, texts.size())) {
      names.addAll(ResourceIds.segments(name));
    }
    if (names.size() != typeSegments.size() - 1) {
      throw new Unresolvable("function '" + call.name() + "' needs " + (typeSegments.size() - 1)
          + " name(s) for type '" + type + "' but got " + names.size());
    }
    return TextNode.valueOf(subscriptionScope
        ? ResourceIds.inSubscription(subscription, typeSegments, names)
        : ResourceIds.inResourceGroup(subscription, group, typeSegments, names));
  }

  private JsonNode subscription() {
    ObjectNode subscription = Nodes.FACTORY.objectNode();
    subscription.put("id", "/subscriptions/" + subscriptionId);
    subscription.put("subscriptionId", subscriptionId);
    return subscription;
  }

  private JsonNode resourceGroup() {
    ObjectNode group = Nodes.FACTORY.objectNode();
    group.put("id", "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroupName);
    group.put("name", resourceGroupName);
    group.put("type", "Microsoft.Resources/resourceGroups");
    if (location != null) {
      group.put("location", location);
    }
    return group;
  }

  // ---- logic ----------------------------------------------------------------------------------------------

  private JsonNode ifFunction(Expr.Call call) {
    arity(call, call.args(), 3, 3);
    boolean condition = bool(call, evaluate(call.args().get(0)));
    return evaluate(call.args().get(condition ? 1 : 2));
  }

  /**
   * One argument that fixes the result (false for and, true for or) decides it even when other arguments are
   * known only at deployment time; the result would be the same whatever they turn out to be.
   */
  private JsonNode logical(Expr.Call call, boolean isAnd) {
    arity(call, call.args(), 2, Integer.MAX_VALUE);
    Unresolvable pending = null;
    for (Expr arg : call.args()) {
      boolean value;
      try {
        value = bool(call, evaluate(arg));
      } catch (Unresolvable e) {
        if (pending == null) {
          pending = e;
        }
        continue;
      }
      if (value != isAnd) {
        return BooleanNode.valueOf(value);
      }
    }
    if (pending != null) {
      throw pending;
    }
    return BooleanNode.valueOf(isAnd);
  }

  private static boolean jsonEquals(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> field : a.properties()) {
        JsonNode other = b.get(field.getKey());
        if (other == null || !jsonEquals(field.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!jsonEquals(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  // ---- strings and collections ------------------------------------------------------------------------------

  private static JsonNode concat(Expr.Call call, List<JsonNode> args) {
    arity(call, args, 1, Integer.MAX_VALUE);
    if (args.stream().allMatch(JsonNode::isArray)) {
      ArrayNode out = Nodes.FACTORY.arrayNode();
      args.forEach(arg -> out.addAll((ArrayNode) arg));
      return out;
    }
    StringBuilder out = new StringBuilder();
    for (JsonNode arg : args) {
      if (!arg.isValueNode() || arg.isNull()) {
        throw new Unresolvable("function '" + call.name() + "' cannot join " + describe(arg)
            + " with strings");
      }
      out.append(scalarText(arg));
    }
    return TextNode.valueOf(out.toString());
  }

  /** Renders a scalar the way ARM's .NET runtime does, which capitalises booleans. */
  private static String scalarText(JsonNode value) {
    if (value.isBoolean()) {
      return value.booleanValue() ? "True" : "False";
    }
    if (value.isNull()) {
      return "";
    }
    return value.asText();
  }

  private static String string(JsonNode value) {
    return value.isContainerNode() ? value.toString() : scalarText(value);
  }

  /** .NET composite formatting: {index[,alignment][:formatString]} with {{ and }} as escapes. */
  private static String format(Expr.Call call, String pattern, List<JsonNode> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '}') {
        throw new Unresolvable("function '" + call.name() + "' has an unmatched '}' in its format string");
      } else if (c == '{') {
        int close = pattern.indexOf('}', i);
        if (close < 0) {
          throw new Unresolvable("function '" + call.name() + "' has an unclosed '{' in its format string");
        }
        out.append(formatItem(call, pattern.substring(i, close + 1), values));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String formatItem(Expr.Call call, String item, List<JsonNode> values) {
    String body = item.substring(1, item.length() - 1);
    String spec = null;
    int colon = body.indexOf(':');
    if (colon >= 0) {
      spec = body.substring(colon + 1);
      body = body.substring(0, colon);
    }
    Integer alignment = null;
    int index;
    try {
      int comma = body.indexOf(',');
      if (comma >= 0) {
        alignment = Integer.parseInt(body.substring(comma + 1).trim());
        body = body.substring(0, comma);
      }
      index = Integer.parseInt(body.trim());
    } catch (NumberFormatException e) {
      throw new Unresolvable("function '" + call.name() + "' has an invalid placeholder '" + item + "'");
    }
    if (index < 0 || index >= values.size()) {
      throw new Unresolvable("function '" + call.name() + "' refers to argument {" + index + "} but has "
          + values.size() + " argument(s) to format");
    }
    String text = formatValue(call, values.get(index), spec);
    if (alignment != null && text.length() < Math.abs(alignment)) {
      String padding = " ".repeat(Math.abs(alignment) - text.length());
      text = alignment > 0 ? padding + text : text + padding;
    }
    return text;
  }

  private static String formatValue(Expr.Call call, JsonNode value, String spec) {
    if (value.isContainerNode()) {
      throw new Unresolvable("function '" + call.name() + "' cannot format " + describe(value));
    }
    if (spec == null || spec.isEmpty() || !value.isNumber()) {
      // .NET ignores format strings for strings and booleans.
      return scalarText(value);
    }
    char kind = spec.charAt(0);
    int width;
    try {
      width = spec.length() == 1 ? 0 : Integer.parseInt(spec.substring(1));
    } catch (NumberFormatException e) {
      throw new Unresolvable("format specifier '" + spec + "' is not supported");
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || width > 99) {
      throw new Unresolvable("format specifier '" + spec + "' is not supported");
    }
    long number = value.asLong();
    if (kind == 'D' || kind == 'd') {
      String digits = Long.toString(Math.abs(number));
      String padded = "0".repeat(Math.max(0, width - digits.length())) + digits;
      return number < 0 ? "-" + padded : padded;
    }
    if ((kind == 'X' || kind == 'x') && number >= 0) {
      String hex = Long.toHexString(number);
      hex = kind == 'X' ? hex.toUpperCase(Locale.ROOT) : hex;
      return "0".repeat(Math.max(0, width - hex.length())) + hex;
    }
    throw new Unresolvable("format specifier '" + spec + "' is not supported");
  }

  private static JsonNode toInt(Expr.Call call, JsonNode value) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return number(value.asLong());
    }
    if (value.isTextual()) {
      try {
        return number(Long.parseLong(value.textValue().trim()));
      } catch (NumberFormatException e) {
        throw new Unresolvable("function '" + call.name() + "' cannot convert '" + value.textValue()
            + "' to an integer");
      }
    }
    throw new Unresolvable("function '" + call.name() + "' cannot convert " + describe(value) + " to an integer");
  }

  private static JsonNode replace(Expr.Call call, List<JsonNode> args) {
    String original = text(call, args.get(0));
    String oldText = text(call, args.get(1));
    String newText = text(call, args.get(2));
    if (oldText.isEmpty()) {
      throw new Unresolvable("function '" + call.name() + "' cannot replace an empty string");
    }
    return TextNode.valueOf(original.replace(oldText, newText));
  }

  /** Splits like .NET String.Split(string[], None): any delimiter, first listed wins, empty parts kept. */
  private static JsonNode split(Expr.Call call, JsonNode input, JsonNode delimiterArg) {
    String text = text(call, input);
    List<String> delimiters = new ArrayList<>();
    if (delimiterArg.isArray()) {
      for (JsonNode d : delimiterArg) {
        delimiters.add(text(call, d));
      }
    } else {
      delimiters.add(text(call, delimiterArg));
    }
    delimiters.removeIf(String::isEmpty);
    ArrayNode parts = Nodes.FACTORY.arrayNode();
    int start = 0;
    int i = 0;
    outer:
    while (i < text.length()) {
      for (String d : delimiters) {
        if (text.startsWith(d, i)) {
          parts.add(text.substring(start, i));
          i += d.length();
          start = i;
          continue outer;
        }
      }
      i++;
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static JsonNode firstOrLast(Expr.Call call, JsonNode value, boolean first) {
    if (value.isArray()) {
      if (value.isEmpty()) {
        return NullNode.getInstance();
      }
      return value.get(first ? 0 : value.size() - 1);
    }
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.isEmpty()) {
        return value;
      }
      return TextNode.valueOf(first ? text.substring(0, 1) : text.substring(text.length() - 1));
    }
    throw new Unresolvable("function '" + call.name() + "' expects an array or a string but got "
        + describe(value));
  }

  private static boolean empty(Expr.Call call, JsonNode value) {
    if (value.isNull()) {
      return true;
    }
    if (value.isTextual()) {
      return value.textValue().isEmpty();
    }
    if (value.isContainerNode()) {
      return value.isEmpty();
    }
    throw new Unresolvable("function '" + call.name() + "' expects a string, an array or an object but got "
        + describe(value));
  }

  private static JsonNode length(Expr.Call call, JsonNode value) {
    if (value.isTextual()) {
      return number(value.textValue().length());
    }
    if (value.isContainerNode()) {
      return number(value.size());
    }
    throw new Unresolvable("function '" + call.name() + "' expects a string, an array or an object but got "
        + describe(value));
  }

  // ---- argument checks ----------------------------------------------------------------------------------------

  private static void arity(Expr.Call call, List<?> args, int min, int max) {
    if (args.size() >= min && args.size() <= max) {
      return;
    }
    String expected;
    if (min == max) {
      expected = min + (min == 1 ? " argument" : " arguments");
    } else if (max == Integer.MAX_VALUE) {
      expected = "at least " + min + (min == 1 ? " argument" : " arguments");
    } else {
      expected = min + " to " + max + " arguments";
    }
    throw new Unresolvable("function '" + call.name() + "' expects " + expected + " but got " + args.size());
  }

  private static String text(Expr.Call call, JsonNode value) {
    if (!value.isTextual()) {
      throw new Unresolvable("function '" + call.name() + "' expects a string but got " + describe(value));
    }
    return value.textValue();
  }

  private static boolean bool(Expr.Call call, JsonNode value) {
    if (!value.isBoolean()) {
      throw new Unresolvable("function '" + call.name() + "' expects a boolean but got " + describe(value));
    }
    return value.booleanValue();
  }

  private static JsonNode number(long value) {
    return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
  }

  /** Names the kind of a value for reasons, e.g. "an integer". */
  static String describe(JsonNode value) {
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isIntegralNumber()) {
      return "an integer";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    return "an unsupported value";
  }
}
