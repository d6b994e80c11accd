/** Learning tasks (examples in flat arrays), their specs and the seeded generators of synthetic tasks. */
package org.automlzero.core.task;
