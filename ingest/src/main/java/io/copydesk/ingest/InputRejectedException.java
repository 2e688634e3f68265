package io.copydesk.ingest;

/** Why an input cannot become an article. {@code code} is stable and machine-readable. */
public final class InputRejectedException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String code;

  public InputRejectedException(String code, String reason) {
    super(reason);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
