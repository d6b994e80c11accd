/** Algorithms as immutable values: the 65 ops, instructions, component functions, memory shape and the readable format. */
package org.automlzero.core.algorithm;
