package org.automlzero.core.config;

/** A config error the user can fix; the message names the source (file:line or --set), key, value and rule. */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
