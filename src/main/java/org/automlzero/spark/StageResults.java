package org.automlzero.spark;

import java.io.Serializable;

/**
 * One partition's island-stage answers ({@link org.automlzero.core.search.stage.StageCall#encodeAnswers}),
 * the executor time they took and where they ran ({@link HostedIslands#location()}), so that the
 * next stage sends these islands' calls back to the executor that holds them.
 */
record StageResults(byte[] answers, long nanos, String location) implements Serializable {}
