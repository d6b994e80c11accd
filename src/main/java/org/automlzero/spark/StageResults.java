package org.automlzero.spark;

import java.io.Serializable;

/** One partition's island-stage results (encoded, in request order) and the executor time they took. */
record StageResults(byte[][] results, long nanos) implements Serializable {}
