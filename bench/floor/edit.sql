-- One edit: bump the space's seq, store the change, append its event, commit.
\set s random(1, :spaces)
BEGIN;
UPDATE floor_spaces SET name = 'edit ' || :client_id, seq = seq + 1 WHERE id = :s RETURNING seq \gset
INSERT INTO floor_events (space, seq, type, payload) VALUES (:s, :seq, 'space.updated', '{"name":"edit"}');
END;
