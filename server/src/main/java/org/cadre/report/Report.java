package org.cadre.report;

import io.vertx.core.json.JsonObject;

/**
 * A printable report as plain values, in one language: a team's ({@link TeamReport}) or a site's, district's or
 * network's ({@link SpaceReport}). The print view (its JSON, whose {@code kind} says which) and the PDF both show
 * exactly this, so they cannot drift apart.
 */
public sealed interface Report permits TeamReport, SpaceReport {

  JsonObject json();

  /** The space's time zone, in which the report's dates are given; null for UTC. */
  String timeZone();

  /** The PDF's file name when downloaded. */
  String fileName();
}
