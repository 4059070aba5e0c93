package org.cadre.realtime;

/** A token bucket: each bridge connection may send a burst of commands, then a steady rate. */
final class CommandRate {

  static final int BURST = 40;
  static final double PER_SECOND = 20;

  private double tokens = BURST;
  private long last = System.nanoTime();

  boolean tryTake() {
    long now = System.nanoTime();
    tokens = Math.min(BURST, tokens + (now - last) / 1e9 * PER_SECOND);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
