/** Small file utilities shared by every layer: whole-file writes that are never seen half done. */
package org.automlzero.core.io;
