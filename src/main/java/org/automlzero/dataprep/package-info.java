/** Dataset preparation: raw CIFAR-10 / IDX readers, download, projection and the Parquet writer, as a Spark job. */
package org.automlzero.dataprep;
