package org.cadre.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Feature packages may depend on each other only one way: a cycle means two features have grown into one. */
class PackageCyclesTest {

  private static final Path ROOT = Path.of("src/main/java/org/cadre");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.cadre\\.([a-z]+)\\.", Pattern.MULTILINE);

  @Test
  void featurePackagesImportEachOtherWithoutCycles() throws IOException {
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path dir = ROOT.relativize(file.getParent());
        if (dir.toString().isEmpty()) {
          continue; // org.cadre itself assembles the server from every feature
        }
        String pkg = dir.getName(0).toString();
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            deps.computeIfAbsent(pkg, k -> new TreeSet<>()).add(m.group(1));
          }
        }
      }
    }
    List<String> cycles = new ArrayList<>();
    for (String start : deps.keySet()) {
      findCycle(start, start, deps, new ArrayList<>(List.of(start)), new HashSet<>(), cycles);
    }
    assertEquals(List.of(), cycles, "package cycles");
  }

  private static void findCycle(String start, String at, Map<String, Set<String>> deps, List<String> path, Set<String> seen,
                                List<String> cycles) {
    for (String next : deps.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        cycles.add(String.join(" -> ", path) + " -> " + start);
      } else if (seen.add(next)) {
        path.add(next);
        findCycle(start, next, deps, path, seen, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
