package org.cadre.ops;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * The access log's lines, read by a test class instead of printed (the tests' logging keeps INFO quiet).
 * {@link #stop} puts the logger back as it was.
 */
final class AccessLogLines extends Handler {

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private AccessLogLines() {
  }

  static AccessLogLines start() {
    AccessLogLines capture = new AccessLogLines();
    AccessLog.LOG.setLevel(Level.INFO);
    AccessLog.LOG.setUseParentHandlers(false);
    AccessLog.LOG.addHandler(capture);
    return capture;
  }

  void stop() {
    AccessLog.LOG.removeHandler(this);
    AccessLog.LOG.setUseParentHandlers(true);
    AccessLog.LOG.setLevel(null);
  }

  /** The lines logged so far for exactly this path. */
  List<JsonObject> forPath(String path) {
    return lines.stream().map(JsonObject::new).filter(line -> path.equals(line.getString("path"))).toList();
  }

  List<String> all() {
    return List.copyOf(lines);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getMessage());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
  }
}
