package org.cadre.notify;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

/**
 * Unsubscribe tokens: a user and a kind of mail, signed with HMAC-SHA256 under the key every server shares
 * ({@code mail_keys}), so the link works without signing in and cannot be made for someone else. Nothing is stored
 * per link; a token stays valid, which is what a link in an old email needs.
 */
final class UnsubscribeLinks {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  record Unsubscribe(UUID userId, Settings.Category category) {
  }

  private final NotifyRepository repo;
  private Future<byte[]> key;

  UnsubscribeLinks(NotifyRepository repo) {
    this.repo = repo;
  }

  private synchronized Future<byte[]> key() {
    if (key == null || key.failed()) {
      key = repo.key().map(Buffer::getBytes);
    }
    return key;
  }

  Future<String> token(UUID userId, Settings.Category category) {
    return key().map(k -> {
      String body = ENCODER.encodeToString(uuidBytes(userId)) + "." + category.column();
      return body + "." + ENCODER.encodeToString(sign(k, body));
    });
  }

  /** The user and kind a token names, or null when it is malformed or its signature does not match. */
  Future<Unsubscribe> verify(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length != 3) {
      return Future.succeededFuture();
    }
    Settings.Category category = Settings.Category.of(parts[1]);
    byte[] userBytes;
    byte[] signature;
    try {
      userBytes = Base64.getUrlDecoder().decode(parts[0]);
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture();
    }
    if (category == null || userBytes.length != 16) {
      return Future.succeededFuture();
    }
    return key().map(k -> {
      if (!MessageDigest.isEqual(sign(k, parts[0] + "." + parts[1]), signature)) {
        return null;
      }
      ByteBuffer b = ByteBuffer.wrap(userBytes);
      return new Unsubscribe(new UUID(b.getLong(), b.getLong()), category);
    });
  }

  private static byte[] uuidBytes(UUID id) {
    return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
  }

  private static byte[] sign(byte[] key, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
