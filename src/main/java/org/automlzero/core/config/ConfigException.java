package org.automlzero.core.config;

/** A config error the user can fix; the message names the source (file:line or --set), key, value and rule. */
public final class ConfigException extends org.automlzero.core.io.InputException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
