package org.cadre.export;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.history.HistoryJson;
import org.cadre.history.HistoryRepository;
import org.cadre.history.TeamHistory;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Downloads;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Downloads of a team's record for anyone who may read the team: {@code GET /api/spaces/{id}/export/meetings.csv},
 * {@code attendance.csv}, {@code action-items.csv}, {@code decisions.csv} (see {@link ExportTables}) and
 * {@code history.zip}, the team-history document ({@code GET .../history}) with those four tables beside it.
 */
public final class ExportRoutes {

  /** The name of the history document inside the zip. */
  public static final String HISTORY_ENTRY = "team-history.json";

  private final Vertx vertx;
  private final HistoryRepository histories;
  private final SpaceAccess access;

  public ExportRoutes(Vertx vertx, HistoryRepository histories, SpaceAccess access) {
    this.vertx = vertx;
    this.histories = histories;
    this.access = access;
  }

  public void mount(Router router) {
    for (ExportTables table : ExportTables.values()) {
      router.get("/api/spaces/:id/export/" + table.fileName()).handler(ctx -> csv(ctx, table));
    }
    router.get("/api/spaces/:id/export/history.zip").handler(this::zip);
  }

  private void csv(RoutingContext ctx, ExportTables table) {
    Language language = Language.of(ctx);
    history(ctx)
      // Years of meetings make a large table: build it off the event loop.
      .compose(history -> vertx.executeBlocking(() -> table.csv(history, language), false))
      .onSuccess(csv -> Downloads.sendCsv(ctx, table.fileName(), csv))
      .onFailure(ctx::fail);
  }

  private void zip(RoutingContext ctx) {
    Language language = Language.of(ctx);
    history(ctx)
      .compose(history -> vertx.executeBlocking(() -> zip(history, language), false))
      .onSuccess(bytes -> Downloads.send(ctx, "history.zip", "application/zip", Buffer.buffer(bytes)))
      .onFailure(ctx::fail);
  }

  private Future<TeamHistory> history(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    return access.require(me, id, Access.READ)
      .compose(a -> histories.export(id))
      .compose(history -> history == null ? Future.failedFuture(ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE)) : Future.succeededFuture(history));
  }

  private static byte[] zip(TeamHistory history, Language language) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      entry(zip, HISTORY_ENTRY, HistoryJson.write(history).encodePrettily());
      for (ExportTables table : ExportTables.values()) {
        entry(zip, table.fileName(), table.csv(history, language));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
