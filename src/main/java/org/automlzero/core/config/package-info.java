/** The typed experiment config: keys, types, defaults, validation and command-line overrides. */
package org.automlzero.core.config;
