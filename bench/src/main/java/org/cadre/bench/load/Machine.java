package org.cadre.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the results say about the machine and its processes, read from /proc and the JDK's own tools. */
final class Machine {

  /** Linux's USER_HZ: /proc/&lt;pid&gt;/stat counts CPU time in these. */
  private static final double TICKS_PER_SECOND = 100.0;
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private Machine() {
  }

  /**
   * CPU seconds used so far by a process and, with {@code children}, every process it started (PostgreSQL's backends):
   * those still running, and those that have ended, which the kernel adds to their parent's children's times once it
   * has waited for them (a pool that closes idle connections ends backends in the middle of a step).
   */
  static double cpuSeconds(long pid, boolean children) {
    if (pid <= 0) {
      return 0;
    }
    String[] own = stat(Path.of("/proc", Long.toString(pid), "stat"));
    if (own == null) {
      return 0;
    }
    double total = Long.parseLong(own[11]) + Long.parseLong(own[12]);
    if (children) {
      total += Long.parseLong(own[13]) + Long.parseLong(own[14]);
      try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
        for (Path proc : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
          String[] stat = stat(proc.resolve("stat"));
          if (stat != null && Long.parseLong(stat[1]) == pid) {
            total += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return total / TICKS_PER_SECOND;
  }

  /**
   * The fields after the command's closing parenthesis: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime,
   * [14] cstime.
   */
  private static String[] stat(Path file) {
    try {
      String text = Files.readString(file);
      return text.substring(text.lastIndexOf(')') + 2).split(" ");
    } catch (IOException e) {
      return null; // the process ended
    }
  }

  /** The Java heap a process uses after a full GC, in bytes (jcmd GC.run, then GC.heap_info). */
  static long heapAfterGc(long pid) {
    if (pid <= 0) {
      return -1;
    }
    jcmd(pid, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    return used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
  }

  private static String jcmd(long pid, String command) {
    try {
      Process process = new ProcessBuilder(List.of("jcmd", Long.toString(pid), command)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes());
      process.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The process's resident memory in bytes. */
  static long residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  /** One line about the machine: CPU model, cores, memory, kernel. */
  static String describe() {
    List<String> parts = new ArrayList<>();
    try {
      Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
        .ifPresent(l -> parts.add(l.substring(l.indexOf(':') + 1).trim()));
      Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst()
        .ifPresent(l -> parts.add(Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB"));
    } catch (IOException e) {
      parts.add("unknown machine");
    }
    parts.add(Runtime.getRuntime().availableProcessors() + " cores");
    parts.add(System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return String.join(", ", parts);
  }
}
