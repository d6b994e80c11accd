/**
 * What a search is, as plain records and enums bound from the config (docs/config.md): the run,
 * the search, its island model, functions, FEC, hurdles and the train budget. No behaviour lives
 * here; {@code core.search} runs what these describe.
 */
package org.automlzero.core.search.spec;
