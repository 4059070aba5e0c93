package org.cadre.event;

/**
 * Where events go once the transaction that appended them has committed: to this server's subscribers at once, and
 * to every other server sharing the database through a notification sent outside that transaction.
 *
 * <p>A NOTIFY inside the change's transaction would be simpler, but PostgreSQL serializes the commits of every
 * transaction that notifies (a database-wide lock held through the WAL flush), which capped durable changes at a
 * few hundred a second however many connections committed them.
 */
public interface EventFanout {

  /** The committed event, whole. */
  void committed(SpaceEvent event);
}
