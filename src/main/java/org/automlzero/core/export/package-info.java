/** Turns an algorithm into something that runs elsewhere: a standalone Python/NumPy module. */
package org.automlzero.core.export;
