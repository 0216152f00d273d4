package org.gio.core.select;

/** An option value outside its allowed range; the message names the field and the range. */
public class InvalidConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidConfigException(String message) {
    super(message);
  }
}
