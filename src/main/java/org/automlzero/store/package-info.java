/**
 * The Parquet task store: reading a prepared task data set ({@code _manifest.json} and the
 * Parquet part files of data-prep/FORMAT.md) into core task specs, with parquet-hadoop and the
 * Hadoop file system API, without Spark. Used by the Spark layer, the in-process commands and
 * data preparation; depends on nothing of the project but core.
 */
package org.automlzero.store;
