package org.cadre;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.Transport;
import io.vertx.sqlclient.Pool;
import org.cadre.account.AccountRoutes;
import org.cadre.account.OidcRoutes;
import org.cadre.calendar.CalendarRepository;
import org.cadre.calendar.CalendarRoutes;
import org.cadre.export.ExportRoutes;
import org.cadre.continuum.Continua;
import org.cadre.continuum.ContinuumRepository;
import org.cadre.continuum.ContinuumRoutes;
import org.cadre.culture.CultureEngine;
import org.cadre.culture.CultureRoutes;
import org.cadre.culture.CultureScores;
import org.cadre.culture.RollupRepository;
import org.cadre.culture.RollupRoutes;
import org.cadre.culture.Rollups;
import org.cadre.history.HistoryRepository;
import org.cadre.history.HistoryRoutes;
import org.cadre.protocol.ProtocolRepository;
import org.cadre.protocol.ProtocolRoutes;
import org.cadre.meeting.ProtocolRunRepository;
import org.cadre.metrics.MetricsRoutes;
import org.cadre.realtime.CommandRoutes;
import org.cadre.report.ReportRoutes;
import org.cadre.realtime.PresenceAnnouncer;
import org.cadre.team.Boards;
import org.cadre.account.Accounts;
import org.cadre.account.Authentication;
import org.cadre.http.ApiErrors;
import org.cadre.http.OpenApi;
import org.cadre.http.TrustedProxies;
import org.cadre.http.WebSecurity;
import org.cadre.ops.AccessLog;
import org.cadre.ops.Operations;
import org.cadre.realtime.SockJsSends;
import org.cadre.realtime.Addresses;
import org.cadre.realtime.BridgeGuard;
import org.cadre.realtime.Commands;
import org.cadre.realtime.EventFeed;
import org.cadre.event.EventLog;
import org.cadre.space.AccessVersions;
import org.cadre.space.InvitationRoutes;
import org.cadre.notify.Mailer;
import org.cadre.notify.NotifyRoutes;
import org.cadre.event.EventFanout;
import org.cadre.space.SpaceAccess;
import org.cadre.space.SpaceChanges;
import org.cadre.space.SpaceRepository;
import org.cadre.space.SpaceRoutes;
import org.cadre.space.Spaces;

import java.util.UUID;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The REST API, the event-bus bridge and the static web client on one port. Several instances share the port;
 * each has its own access cache and command consumer.
 */
public final class HttpVerticle extends VerticleBase {

  /** Request bodies above this are refused with 413. */
  static final long BODY_LIMIT = 64 * 1024;
  /**
   * A socket silent this long is closed. The client pings every 20 s: a lost TCP connection is seen at once anyway,
   * and pinging more often (Vert.x's default is 10 s) made idle sockets the server's main cost with many clients.
   */
  static final long PING_TIMEOUT_MS = 60_000;
  private static final long DRAIN_SECONDS = 10;
  /** The client's libraries (WebJars, from the web-client module); their paths carry the version, so cache long. */
  private static final String VENDOR_ROOT = "META-INF/resources/webjars";
  private static final long VENDOR_MAX_AGE_SECONDS = 365L * 24 * 3600;
  /** How often live bus connections are checked against expired sessions and deleted tokens. */
  private static final long CREDENTIAL_RECHECK_MS = 60_000;

  private final Supplier<Pool> pools;
  private Pool pool;
  private final Accounts accounts;
  private final AccessVersions accessVersions;
  private final EventFanout fanout;
  private final CultureEngine engine;
  private final int port;
  private final WebSecurity security;
  private final Operated operated;
  private final OidcRoutes oidc;
  private final Mailer mailer;
  private HttpServer server;
  private Router router;
  private Commands commands;
  private MessageConsumer<Object> commandConsumer;
  private MessageConsumer<String> revocations;
  private MessageConsumer<Object> rechecks;
  private MessageConsumer<String> accessChanges;
  private long recheckTimer;

  /**
   * What the server is watched and fronted with: the health and metrics routes ({@code withMetrics}: {@code /metrics}
   * on this port too), the registry commands are timed in, the count of open bridge connections that all instances
   * share, and the proxies whose {@code X-Forwarded-For} is believed.
   */
  public record Operated(Operations operations, boolean separateMetrics, MeterRegistry meters, AtomicInteger openSockets,
                         TrustedProxies proxies) {
  }

  /**
   * {@code pools} opens this verticle's own pool when it starts: its connections then live on the verticle's event
   * loop, so a request's statements never hop to another thread and back (with one pool shared by every verticle,
   * half of them did).
   */
  public HttpVerticle(Supplier<Pool> pools, Accounts accounts, AccessVersions accessVersions, EventFanout fanout, CultureEngine engine, int port,
                      WebSecurity security, Operated operated, OidcRoutes oidc, Mailer mailer) {
    this.operated = operated;
    this.mailer = mailer;
    this.oidc = oidc;
    this.pools = pools;
    this.accounts = accounts;
    this.accessVersions = accessVersions;
    this.fanout = fanout;
    this.engine = engine;
    this.port = port;
    this.security = security;
  }

  @Override
  public Future<?> start() {
    pool = pools.get();
    SpaceRepository spaceRepo = new SpaceRepository(pool);
    SpaceAccess access = new SpaceAccess(vertx, spaceRepo, accessVersions);
    commands = new Commands(operated.meters());
    EventLog log = new EventLog(pool);
    EventFeed feed = new EventFeed(log, access);
    feed.register(commands);
    new PresenceAnnouncer(pool).register(commands);
    SpaceChanges changes = new SpaceChanges(spaceRepo, fanout);
    Boards.register(commands, vertx, pool, changes);
    HistoryRepository histories = new HistoryRepository(pool, accounts.repository());
    CultureScores cultureScores = new CultureScores(vertx, histories, engine);
    CultureRoutes culture = new CultureRoutes(pool, cultureScores, access);
    Rollups rollups = new Rollups(new RollupRepository(pool), cultureScores, access);
    RollupRoutes rollup = new RollupRoutes(vertx, rollups);
    commandConsumer = commands.listen(vertx);
    HistoryRoutes history = new HistoryRoutes(vertx, histories, changes, access);

    Authentication authentication = new Authentication(accounts.repository());
    router = Router.router(vertx);
    router.route().handler(operated.proxies()).handler(new AccessLog()).handler(security);
    operated.operations().mount(router, !operated.separateMetrics());
    // A path the router cannot even decode (a bad %-escape) fails before any route; answer it in the JSON shape too.
    router.errorHandler(400, ApiErrors::malformedPath).errorHandler(500, ApiErrors::handle);
    history.mountBodyHandler(router);
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT)).handler(authentication);
    OpenApi.mount(router);
    new AccountRoutes(accounts, mailer).mount(router);
    new NotifyRoutes(mailer).mount(router);
    oidc.mount(router);
    Spaces spaces = Spaces.of(changes);
    new SpaceRoutes(spaces, access).mount(router);
    new InvitationRoutes(spaceRepo, spaces.changes(), access, mailer).mount(router);
    feed.mount(router);
    new CommandRoutes(commands, access).mount(router);
    history.mount(router);
    culture.mount(router);
    new ContinuumRoutes(new ContinuumRepository(pool), new Continua(), access).mount(router);
    new ProtocolRoutes(new ProtocolRepository(pool), spaceRepo, spaces.changes(), access).mount(router);
    new MetricsRoutes(pool, histories, new ProtocolRunRepository(), access).mount(router);
    new ReportRoutes(vertx, pool, cultureScores, rollups, access, spaceRepo).mount(router);
    new ExportRoutes(vertx, histories, access).mount(router);
    new CalendarRoutes(vertx, new CalendarRepository(pool), spaceRepo, access).mount(router);
    rollup.mount(router);
    router.route("/api/*").handler(ctx -> ctx.fail(404)).failureHandler(ApiErrors::handle);

    // SockJS's xhr_send reads its body from a body handler and answers 500 without one.
    router.post("/eventbus/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    router.postWithRegex("/eventbus/.*/xhr_send").handler(SockJsSends::check);
    router.route("/eventbus/*").handler(authentication).handler(Authentication::requireAuthenticated)
      .failureHandler(ApiErrors::handle);
    BridgeGuard guard = new BridgeGuard(vertx, access, log, commands, accounts.repository(),
      operated.openSockets());
    revocations = vertx.eventBus().localConsumer(Addresses.CREDENTIAL_REVOKED, msg -> {
      accounts.repository().forgetCredential(msg.body());
      guard.closeOpenedWith(msg.body());
    });
    rechecks = vertx.eventBus().localConsumer(Addresses.CREDENTIALS_RECHECK, msg -> {
      accounts.repository().forgetCredentials();
      guard.recheckCredentials();
    });
    accessChanges = vertx.eventBus().localConsumer(Addresses.ACCESS_CHANGED, msg -> guard.accessChanged(UUID.fromString(msg.body())));
    recheckTimer = vertx.setPeriodic(CREDENTIAL_RECHECK_MS, id -> guard.recheckCredentials());
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx, sockJsOptions()).bridge(bridgeOptions(), guard));

    router.route("/vendor/*").handler(StaticHandler.create(VENDOR_ROOT).setMaxAgeSeconds(VENDOR_MAX_AGE_SECONDS));
    router.route("/vendor/*").handler(ctx -> ctx.fail(404));
    router.route().handler(StaticHandler.create("webroot"));
    router.get().handler(HttpVerticle::clientPage);

    server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true)).requestHandler(request -> {
      security.addHeaders(request.response());
      router.handle(request);
    });
    return Future.all(commandConsumer.completion(), revocations.completion(), rechecks.completion(), accessChanges.completion())
      .compose(v -> server.listen(port));
  }

  /**
   * Every other GET is a client URL (the client routes with the History API), so a reload or a shared link of any
   * screen answers the client's page, which then shows that screen or its own not-found state.
   */
  private static void clientPage(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-cache").sendFile("webroot/index.html");
  }

  /**
   * No JSESSIONID: SockJS would otherwise echo the request's cookies (the session among them) back as a Set-Cookie
   * without its flags. No JSONP: its sends are form bodies, and scripts from the bus are not needed by any browser
   * the client supports.
   */
  private static SockJSHandlerOptions sockJsOptions() {
    return new SockJSHandlerOptions().setInsertJSESSIONID(false).addDisabledTransport(Transport.JSON_P.name());
  }

  private static SockJSBridgeOptions bridgeOptions() {
    return new SockJSBridgeOptions().setPingTimeout(PING_TIMEOUT_MS)
      .addInboundPermitted(new PermittedOptions().setAddress(Addresses.COMMAND))
      .addOutboundPermitted(new PermittedOptions().setAddressRegex("user\\.[0-9a-f-]{36}"))
      .addOutboundPermitted(new PermittedOptions().setAddressRegex("rollup\\.[0-9a-f-]{36}"));
  }

  /** Every route this verticle serves, once started: what a test that must cover all of them enumerates. */
  public List<Route> routes() {
    return router.getRoutes();
  }

  /** Every bus command, once started. */
  public Commands commands() {
    return commands;
  }

  /** Stops taking connections and lets requests in flight finish. */
  @Override
  public Future<?> stop() {
    return server.shutdown(DRAIN_SECONDS, TimeUnit.SECONDS)
      .compose(v -> {
        vertx.cancelTimer(recheckTimer);
        return Future.all(commandConsumer.unregister(), revocations.unregister(), rechecks.unregister(),
          accessChanges.unregister());
      })
      .compose(v -> pool.close());
  }
}
