/** Seeded, purpose-derived random streams; the only source of randomness in the project. */
package org.automlzero.core.random;
