package org.cadre.report;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.continuum.Continua;
import org.cadre.continuum.ContinuumRepository;
import org.cadre.continuum.ContinuumStandings;
import org.cadre.culture.CultureScores;
import org.cadre.culture.Rollups;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Downloads;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceRepository;

import java.util.Locale;
import java.util.UUID;

/**
 * A space's printable report: {@code GET /api/spaces/{id}/report} (what the print view shows) and
 * {@code GET /api/spaces/{id}/report.pdf} (the same as PDF), in the request's language. A team's is its own
 * ({@link TeamReport}); a site's, district's or network's sums up the teams below it ({@link SpaceReport}).
 */
public final class ReportRoutes {

  private final Vertx vertx;
  private final Reports reports;

  public ReportRoutes(Vertx vertx, Pool pool, CultureScores scores, Rollups rollups, SpaceAccess access,
                      SpaceRepository spaces) {
    this.vertx = vertx;
    Continua continua = new Continua();
    this.reports = new Reports(scores, rollups, access, spaces, new ReportRepository(pool),
      new ContinuumStandings(new ContinuumRepository(pool), continua), continua);
  }

  public void mount(Router router) {
    router.get("/api/spaces/:id/report").handler(this::json);
    router.get("/api/spaces/:id/report.pdf").handler(this::pdf);
  }

  private void json(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    ReportLabels labels = new ReportLabels(Language.of(ctx));
    reports.report(me, id, labels)
      .onSuccess(report -> ctx.json(report.json().put("language", labels.language().tag())))
      .onFailure(ctx::fail);
  }

  private void pdf(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    ReportPdf.Paper paper = paper(ctx);
    ReportLabels labels = new ReportLabels(Language.of(ctx));
    reports.report(me, id, labels)
      .compose(report -> vertx.executeBlocking(() -> ReportPdf.render(report, labels, paper), false)
        .onSuccess(pdf -> Downloads.send(ctx, report.fileName(), "application/pdf", Buffer.buffer(pdf))))
      .onFailure(ctx::fail);
  }

  private static ReportPdf.Paper paper(RoutingContext ctx) {
    String value = ctx.queryParams().get("paper");
    if (value == null) {
      return ReportPdf.Paper.LETTER;
    }
    try {
      return ReportPdf.Paper.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw ApiException.invalid("paper", ErrorMessage.FIELD_ONE_OF, "paper", "letter, a4");
    }
  }
}
