package dev.plumbline.core.model;

/**
 * Something the topology could not read or resolve. A gap is never silent: it is carried to every
 * report, and rules that needed what is missing say {@code UNKNOWN}.
 *
 * @param kind what sort of gap
 * @param subject the resource id (or scope, or file) the gap belongs to
 * @param path the property path or JSON pointer where it was found, or "" when it concerns the whole subject
 * @param target what could not be reached: the dangling id, the raw expression, the unread scope
 * @param reason one sentence that says why
 * @param provenance where in the input it was found
 */
public record Gap(Kind kind, String subject, String path, String target, String reason, Provenance provenance) {

  /** The sorts of gap. */
  public enum Kind {
    /** A reference ({@code {"id": ...}}) to a resource that is not in the topology. */
    DANGLING_REFERENCE,
    /** A backend pool member (address or FQDN) that matches no known network interface. */
    UNRESOLVED_MEMBER,
    /** A template expression that cannot be evaluated without deploying. */
    UNRESOLVED_EXPRESSION,
    /** The same resource id was given twice with different content. */
    DUPLICATE_CONFLICT,
    /** A scope, page or resource that was not read (truncated result, denied access, throttling). */
    UNREAD
  }

  public Gap {
    subject = subject == null ? "" : subject;
    path = path == null ? "" : path;
    target = target == null ? "" : target;
    reason = reason == null ? "" : reason;
    provenance = provenance == null ? Provenance.none() : provenance;
  }
}
