/** Simplification: dropping the instructions of an evolved algorithm that cannot affect its predictions. */
package org.automlzero.core.simplify;
