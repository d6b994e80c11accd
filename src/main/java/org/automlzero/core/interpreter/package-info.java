/** Runs a compiled algorithm on a task exactly as the original executor does, and turns losses into fitness. */
package org.automlzero.core.interpreter;
