package org.cadre.protocol;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.protocol.ProtocolRepository.Protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The built-in protocols, read from {@code library.json} and stored at every start-up unless already there. Their
 * ids derive from their keys, so every instance and every restart seeds the same rows. {@code library_es.json} has
 * the same protocols in Spanish: a built-in is answered (and copied) in the request's language.
 */
public final class ProtocolLibrary {

  private static final String ENGLISH = "/org/cadre/protocol/library.json";
  private static final String SPANISH = "/org/cadre/protocol/library_es.json";

  private final ProtocolRepository repo;
  private final Map<UUID, ProtocolContent> spanish;

  public ProtocolLibrary(ProtocolRepository repo) {
    this.repo = repo;
    this.spanish = builtIns(SPANISH);
  }

  /** The built-in protocol's id for a key of the library file. */
  public static UUID idOf(String key) {
    return UUID.nameUUIDFromBytes(("cadre.protocol." + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The library's protocols by id, each content checked as a space's own would be. */
  static Map<UUID, ProtocolContent> builtIns(String resource) {
    JsonArray protocols;
    try (InputStream in = ProtocolLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + resource);
      }
      protocols = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getJsonArray("protocols");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<UUID, ProtocolContent> out = new LinkedHashMap<>();
    for (int i = 0; i < protocols.size(); i++) {
      JsonObject entry = protocols.getJsonObject(i).copy();
      String key = (String) entry.remove("key");
      out.put(idOf(key), ProtocolContent.read(JsonBody.at(entry, "$.protocols[" + i + "]")));
    }
    return out;
  }

  /** Stores the built-ins missing from the database, in one transaction. */
  public Future<Void> seed() {
    Map<UUID, ProtocolContent> builtIns = builtIns(ENGLISH);
    return repo.pool().withTransaction(tx -> {
      Future<Void> all = Future.succeededFuture();
      for (var entry : new ArrayList<>(builtIns.entrySet())) {
        all = all.compose(v -> repo.seed(tx, entry.getKey(), entry.getValue().toJson()));
      }
      return all;
    });
  }

  /** A built-in in the language asked for (stored in English); a space's own protocol as it was written. */
  public Protocol localized(Protocol protocol, Language language) {
    ProtocolContent translated = language == Language.ES && protocol.builtIn() ? spanish.get(protocol.id()) : null;
    return translated == null ? protocol : protocol.withContent(translated.toJson());
  }
}
