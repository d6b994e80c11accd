/** The command-line entry point and its subcommands. */
package org.automlzero.cli;
