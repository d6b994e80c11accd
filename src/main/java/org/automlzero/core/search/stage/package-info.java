/**
 * The island-stage mode's worker side and wire (docs/scaling.md): one island's stage as a pure
 * function ({@link org.automlzero.core.search.stage.IslandStage}), islands packed exactly
 * ({@link org.automlzero.core.search.stage.PackedIsland}) and seen by their headers
 * ({@link org.automlzero.core.search.stage.IslandHeader}), the calls and answers between the
 * driver and an island's host ({@link org.automlzero.core.search.stage.StageCall}) and the host's
 * store of resident islands ({@link org.automlzero.core.search.stage.ResidentIslands}). The
 * driver side is {@code core.search.StagedIslands}.
 */
package org.automlzero.core.search.stage;
