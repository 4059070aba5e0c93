package org.cadre.test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reverse proxy in front of Cadre servers, doing what docker/nginx.conf does: it appends the client's address to
 * {@code X-Forwarded-For}, keeps the Host, passes WebSocket upgrades, sends every request of one SockJS session to
 * the same server (by the session id in its path) and spreads the rest round-robin. It listens on 127.0.0.1 and
 * connects to the servers from {@code localAddress}, so a server can tell the proxy from its clients on loopback.
 */
public final class TestProxy implements AutoCloseable {

  /** Which server a request went to, by its port. */
  public record Route(String method, String uri, int server) {
  }

  /** {@code /eventbus/{server}/{session}/{transport}}: the session id is what the proxy is sticky on. */
  private static final Pattern SOCKJS_SESSION = Pattern.compile("^/eventbus/[^/]+/([^/]+)/");

  private final HttpServer listener;
  private final HttpClient client;
  private final List<Integer> servers;
  private final AtomicInteger next = new AtomicInteger();
  private final List<Route> routes = new CopyOnWriteArrayList<>();

  private TestProxy(Vertx vertx, String localAddress, List<Integer> servers) {
    this.servers = List.copyOf(servers);
    this.client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(localAddress));
    HttpProxy proxy = HttpProxy.reverseProxy(client)
      .origin(this::originRequest)
      .addInterceptor(new ProxyInterceptor() {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
          forward(context.request());
          return context.sendRequest();
        }
      }, true);
    this.listener = vertx.createHttpServer().requestHandler(proxy);
  }

  /** A proxy on a free port of 127.0.0.1 in front of the servers on these ports of 127.0.0.1. */
  public static TestProxy start(Vertx vertx, String localAddress, List<Integer> servers) {
    TestProxy proxy = new TestProxy(vertx, localAddress, servers);
    proxy.listener.listen(0, "127.0.0.1").await();
    return proxy;
  }

  /** As nginx's {@code X-Forwarded-For $proxy_add_x_forwarded_for} and {@code X-Forwarded-Proto $scheme}. */
  private static void forward(ProxyRequest request) {
    String peer = request.proxiedRequest().remoteAddress().hostAddress();
    List<String> prior = request.headers().getAll("X-Forwarded-For");
    request.headers().set("X-Forwarded-For", prior.isEmpty() ? peer : String.join(", ", prior) + ", " + peer);
    request.headers().set("X-Forwarded-Proto", "http");
  }

  /**
   * To the chosen server, with the Host the client asked for (WebSocket upgrades included), and a connection per
   * request but for upgrades, as nginx's {@code Connection $connection_upgrade}: SockJS closes the connection after
   * each XHR poll without saying so, and this client, reusing it, sent the next request into the close (a 502).
   */
  private Future<HttpClientRequest> originRequest(ProxyContext context) {
    HostAndPort host = context.request().proxiedRequest().authority();
    RequestOptions options = new RequestOptions().setServer(choose(context)).setHost(host.host());
    if (host.port() >= 0) {
      options.setPort(host.port());
    }
    if (!context.isWebSocket()) {
      options.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    return context.client().request(options);
  }

  private SocketAddress choose(ProxyContext context) {
    ProxyRequest request = context.request();
    Matcher session = SOCKJS_SESSION.matcher(request.getURI());
    int index = session.find() ? Math.floorMod(session.group(1).hashCode(), servers.size())
      : Math.floorMod(next.getAndIncrement(), servers.size());
    int server = servers.get(index);
    routes.add(new Route(request.getMethod().name(), request.getURI(), server));
    return SocketAddress.inetSocketAddress(server, "127.0.0.1");
  }

  public int port() {
    return listener.actualPort();
  }

  /** Every request proxied so far, in the order the proxy chose their server. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  @Override
  public void close() {
    listener.close().await();
    client.close().await();
  }
}
