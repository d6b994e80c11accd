package org.automlzero.dataprep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.automlzero.core.task.ClassPair;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void pairsByNameAndList() {
    assertThat(Selection.parsePairs("all")).hasSize(45).first().isEqualTo(new ClassPair(0, 1));
    assertThat(Selection.parsePairs("heldout")).hasSize(9).contains(new ClassPair(4, 6), new ClassPair(0, 5));
    assertThat(Selection.parsePairs("search")).hasSize(36).doesNotContain(new ClassPair(4, 6));
    assertThat(Selection.parsePairs("(4,6),(3,5)")).containsExactly(new ClassPair(3, 5), new ClassPair(4, 6));
    assertThat(Selection.parsePairs("4,6; 3,5;4,6")).containsExactly(new ClassPair(3, 5), new ClassPair(4, 6));
    assertThat(Selection.parsePairs("(6, 4)")).containsExactly(new ClassPair(6, 4));
  }

  @Test
  void badPairsAreExplained() {
    assertThatThrownBy(() -> Selection.parsePairs("(3,3)"))
        .hasMessage("--pairs '(3,3)': class pair (3,3) is invalid: the two classes must differ");
    assertThatThrownBy(() -> Selection.parsePairs("(2,10)"))
        .hasMessage("--pairs '(2,10)': class pair (2,10) is invalid: classes must be in 0..9");
    assertThatThrownBy(() -> Selection.parsePairs("cats"))
        .hasMessageStartingWith("--pairs 'cats' is invalid: use all, heldout, search, or a list");
    assertThatThrownBy(() -> Selection.parsePairs("(1,2) x"))
        .hasMessageStartingWith("--pairs '(1,2) x' is invalid");
  }

  @Test
  void seedsRangesAndLists() {
    assertThat(Selection.parseSeeds("0-99")).hasSize(100).startsWith(0, 1).endsWith(99);
    assertThat(Selection.parseSeeds("7")).containsExactly(7);
    assertThat(Selection.parseSeeds("3, 0-1,2")).containsExactly(0, 1, 2, 3);
    assertThat(Selection.formatSeeds(List.of(0, 1, 2, 5, 7, 8))).isEqualTo("0-2,5,7-8");
    assertThatThrownBy(() -> Selection.parseSeeds("5-2")).hasMessageContaining("'5-2' must be a seed >= 0");
    assertThatThrownBy(() -> Selection.parseSeeds("a")).hasMessageContaining("'a' is not a seed or a range");
    assertThatThrownBy(() -> Selection.parseSeeds("-1")).hasMessageContaining("'-1' must be a seed >= 0");
  }
}
