package org.cadre.http;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrustedProxiesTest {

  private static final SocketAddress PROXY = SocketAddress.inetSocketAddress(443, "10.0.0.7");
  private static final SocketAddress STRANGER = SocketAddress.inetSocketAddress(443, "203.0.113.9");

  @Test
  void theRightMostAddressNotAProxyIsTheClient() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8,2001:db8::/32");
    assertEquals("198.51.100.4", proxies.client(PROXY, List.of("6.6.6.6, 198.51.100.4", "10.2.3.4")));
    assertEquals("2001:db9::1", proxies.client(PROXY, List.of("2001:db9::1, 2001:db8::5")));
    assertEquals("10.0.0.7", proxies.client(PROXY, List.of()), "no header: the proxy itself");
    assertEquals("10.0.0.7", proxies.client(PROXY, List.of("unknown")), "nothing trustworthy beyond a garbled hop");
  }

  @Test
  void anUntrustedPeersHeaderIsIgnored() {
    assertEquals("203.0.113.9", TrustedProxies.parse("10.0.0.0/8").client(STRANGER, List.of("1.1.1.1")));
    assertEquals("10.0.0.7", TrustedProxies.none().client(PROXY, List.of("1.1.1.1")));
  }

  @Test
  void onlyAddressesAndBlocksAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.district.org"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertEquals("192.0.2.1", TrustedProxies.parse(" 192.0.2.0/24 , ").client(
      SocketAddress.inetSocketAddress(1, "192.0.2.200"), List.of("192.0.2.1")), "all of the block is trusted, so the last hop stands");
  }
}
