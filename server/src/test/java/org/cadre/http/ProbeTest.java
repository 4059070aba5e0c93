package org.cadre.http;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import org.cadre.test.ApiClient;
import org.cadre.test.TestDatabases;
import org.cadre.test.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ProbeTest {
  @Test
  void probe(Vertx vertx) {
    TestServer server = TestServer.start(vertx, TestDatabases.fresh());
    ApiClient admin = server.admin();
    WebClient web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.port()));
    String[][] reqs = {
      {"GET", "/api/spaces/%zz", null, null},
      {"GET", "/%zz", null, null},
      {"GET", "/api/spaces/abc%", null, null},
      {"POST", "/api/auth/register", "application/x-www-form-urlencoded", "email=a@b.c&password=xxxxxxxxxxxx&name=x"},
      {"POST", "/api/auth/register", "multipart/form-data; boundary=XX", "--XX\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@b.c\r\n--XX--\r\n"},
      {"POST", "/api/auth/login", "text/plain", "{\"email\":\"a@b.c\",\"password\":\"x\"}"},
      {"OPTIONS", "/eventbus/info", null, null},
      {"GET", "/eventbus/info", null, null},
      {"POST", "/eventbus/000/abcd/xhr_send", "text/plain", "not json"},
      {"POST", "/eventbus/000/abcd/xhr_send", "text/plain", ""},
      {"POST", "/eventbus/000/abcd/xhr", null, null},
      {"POST", "/eventbus/000/abcd/xhr_send", "text/plain", "[\"x\"]"},
    };
    for (String[] r : reqs) {
      var req = web.request(HttpMethod.valueOf(r[0]), r[1]).putHeader("Cookie", "cadre_session=" + admin.session() + "; other=1")
        .putHeader("Origin", "http://evil.test");
      if (r[2] != null) req.putHeader("content-type", r[2]);
      var resp = r[3] == null ? req.send().await() : req.sendBuffer(Buffer.buffer(r[3])).await();
      System.out.println("PROBE " + r[0] + " " + r[1] + " " + r[2] + " -> " + resp.statusCode() + " " + resp.headers().entries() + " " + resp.bodyAsString());
    }
    server.close();
  }
}
