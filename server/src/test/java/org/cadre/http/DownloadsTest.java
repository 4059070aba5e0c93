package org.cadre.http;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DownloadsTest {

  @Test
  void csvQuotesWhatNeedsQuotingAndEndsLinesWithCrLf() {
    String csv = Downloads.csv(List.of("name", "note"), List.of(List.of("Lincoln, 9th", "said \"yes\""), Arrays.asList("Ana", null)));
    assertEquals("\uFEFFname,note\r\n\"Lincoln, 9th\",\"said \"\"yes\"\"\"\r\nAna,\r\n", csv);
  }

  @Test
  void csvKeepsFormulaLikeCellsAsText() {
    String csv = Downloads.csv(List.of("name", "count"), List.of(List.of("=HYPERLINK(\"x\")", -3), List.of("@cmd", 4)));
    assertEquals("\uFEFFname,count\r\n\"'=HYPERLINK(\"\"x\"\")\",-3\r\n\"'@cmd\",4\r\n", csv);
  }
}
