/**
 * Functional equivalence checking (the paper's FEC): a candidate's fingerprint on the first
 * examples of each task ({@link org.automlzero.core.search.fec.Fingerprinter}) and the LRU cache
 * of fitness by fingerprint ({@link org.automlzero.core.search.fec.FecCache}). The search's
 * screen step that uses them is {@code core.search.FecScreen}.
 */
package org.automlzero.core.search.fec;
