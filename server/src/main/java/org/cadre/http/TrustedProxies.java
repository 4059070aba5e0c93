package org.cadre.http;

import io.vertx.core.Handler;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

import io.netty.util.NetUtil;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Which TCP peers are reverse proxies whose {@code X-Forwarded-For} is believed (CADRE_TRUSTED_PROXIES). The
 * client of a request is the right-most forwarded address that is not itself a trusted proxy, when the peer is
 * one; otherwise the peer. Addresses further left were written by the client and could be anything, so they are
 * never used. As the router's first handler it records the client for the login limit and the access log.
 */
public final class TrustedProxies implements Handler<RoutingContext> {

  private static final String CLIENT = "cadre.client";

  /** An address block: the first {@code bits} bits of {@code network}. */
  private record Block(byte[] network, int bits) {

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int size = network.length * 8;
      BigInteger mask = BigInteger.ONE.shiftLeft(size).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(size - bits).subtract(BigInteger.ONE));
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = blocks;
  }

  public static TrustedProxies none() {
    return new TrustedProxies(List.of());
  }

  /** Parses comma-separated IP addresses and CIDR blocks ({@code 10.0.0.0/8}, {@code ::1}); refuses host names. */
  public static TrustedProxies parse(String list) {
    List<Block> blocks = new ArrayList<>();
    for (String item : list.split(",")) {
      String entry = item.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException("trusted-proxies: '" + entry + "' is not an IP address or CIDR block");
      }
      int bits = address.length * 8;
      if (slash >= 0) {
        try {
          bits = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          bits = -1;
        }
        if (bits < 0 || bits > address.length * 8) {
          throw new IllegalArgumentException("trusted-proxies: '" + entry + "' has a bad prefix length");
        }
      }
      blocks.add(new Block(address, bits));
    }
    return new TrustedProxies(List.copyOf(blocks));
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(CLIENT, client(ctx.request().remoteAddress(), ctx.request().headers().getAll("X-Forwarded-For")));
    ctx.next();
  }

  /** The client's address as this router's first handler worked it out. */
  public static String client(RoutingContext ctx) {
    String client = ctx.get(CLIENT);
    return client != null ? client : ctx.request().remoteAddress().hostAddress();
  }

  String client(SocketAddress peer, List<String> forwardedHeaders) {
    String client = peer.hostAddress();
    if (blocks.isEmpty() || !trusted(client)) {
      return client;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedHeaders) {
      for (String hop : header.split(",")) {
        hops.add(hop.trim());
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (literal(hop) == null) {
        // Not an address (a proxy's "unknown", or garbage): what lies left of it cannot be trusted either.
        return client;
      }
      client = hop;
      if (!trusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean trusted(String address) {
    byte[] bytes = literal(address);
    return bytes != null && blocks.stream().anyMatch(block -> block.contains(bytes));
  }

  /** The bytes of an IP literal, or null for anything else (Netty's parser never asks DNS). */
  private static byte[] literal(String text) {
    String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    return NetUtil.createByteArrayFromIpAddressString(bare);
  }
}
