package dev.plumbline.core.live;

/**
 * A Resource Manager request that did not succeed, after retries: an HTTP status with ARM's error
 * code, or a transport failure (status 0) such as a timeout.
 */
public final class ArmException extends Exception {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  public ArmException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code == null ? "" : code;
  }

  public int status() {
    return status;
  }

  /** ARM's error code, e.g. {@code AuthorizationFailed}; empty when there was none. */
  public String code() {
    return code;
  }

  /** One sentence for a gap: "HTTP 403 AuthorizationFailed: The client ... does not have authorization". */
  public String reason() {
    String message = getMessage() == null ? "" : getMessage().replace('\n', ' ');
    if (message.length() > 300) {
      message = message.substring(0, 300) + "…";
    }
    return status == 0 ? message : "HTTP " + status + (code.isEmpty() ? "" : " " + code) + (message.isEmpty() ? "" : ": " + message);
  }
}
