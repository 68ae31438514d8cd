package dev.plumbline.core.load.template;

/** Signals that a value cannot be evaluated statically; the message is the reason reported to the user. */
final class Unresolvable extends RuntimeException {

  Unresolvable(String reason) {
    // Thrown for ordinary control flow on every non-static expression, so a stack trace would be pure cost.
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
