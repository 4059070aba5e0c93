package org.cadre.account;

import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets handed to a client once (session cookies, API tokens, invitation tokens). Only their SHA-256 digest is
 * stored: the tokens carry 256 random bits, so a fast digest is enough and lookups stay indexable.
 */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {
  }

  public static String generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static Buffer digest(String token) {
    try {
      return Buffer.buffer(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A digest as hex: how notices, live connections and the credential cache name a session or token. */
  public static String hex(Buffer digest) {
    return java.util.HexFormat.of().formatHex(digest.getBytes());
  }
}
