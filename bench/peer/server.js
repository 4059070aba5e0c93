// The durable peer Cadre's real-time path is measured against (bench/README.md): a plain Node server with `ws`
// and `pg` that does per edit what Cadre's cheapest change does. In one transaction it bumps the space's seq,
// stores the change and appends the event; only after COMMIT does it answer the edit and send the event, encoded
// once, to every socket subscribed to the space. Nothing is kept only in memory but the subscriptions.
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');
const { Pool } = require('pg');

const port = Number(process.env.PEER_PORT ?? 18090);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.PEER_POOL ?? 16) });
const subscribers = new Map(); // space id -> Set of sockets

const SCHEMA = `
  create table if not exists peer_spaces (id uuid primary key, name text not null, seq bigint not null default 0);
  create table if not exists peer_events (space uuid not null references peer_spaces (id), seq bigint not null,
    type text not null, payload jsonb not null, at timestamptz not null default now(), primary key (space, seq));`;

async function setup(count) {
  const { rows } = await pool.query(
    'insert into peer_spaces (id, name) select gen_random_uuid(), \'space \' || g from generate_series(1, $1) g returning id',
    [count]);
  return rows.map((row) => row.id);
}

async function rename(space, name) {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const updated = await client.query('update peer_spaces set name = $2, seq = seq + 1 where id = $1 returning seq', [space, name]);
    if (updated.rowCount === 0) {
      await client.query('rollback');
      return null;
    }
    const seq = Number(updated.rows[0].seq);
    const payload = { name };
    await client.query('insert into peer_events (space, seq, type, payload) values ($1, $2, $3, $4)',
      [space, seq, 'space.updated', payload]);
    await client.query('commit');
    return { space, seq, type: 'space.updated', payload, at: new Date().toISOString() };
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function broadcast(event) {
  const sockets = subscribers.get(event.space);
  if (!sockets) return;
  const frame = JSON.stringify(event);
  for (const socket of sockets) socket.send(frame);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { try { resolve(body ? JSON.parse(body) : {}); } catch (error) { reject(error); } });
  });
}

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = http.createServer(async (req, res) => {
  try {
    if (req.method === 'POST' && req.url === '/setup') {
      const { spaces } = await readJson(req);
      return answer(res, 201, { spaces: await setup(spaces) });
    }
    const match = /^\/spaces\/([0-9a-f-]{36})$/.exec(req.url);
    if (req.method === 'PATCH' && match) {
      const { name } = await readJson(req);
      if (typeof name !== 'string' || !name) return answer(res, 400, { error: 'name' });
      const event = await rename(match[1], name);
      if (!event) return answer(res, 404, { error: 'space' });
      answer(res, 200, { seq: event.seq });
      return broadcast(event);
    }
    answer(res, 404, { error: 'route' });
  } catch (error) {
    answer(res, 500, { error: String(error.message ?? error) });
  }
});

const sockets = new WebSocketServer({ server, path: '/ws' });
sockets.on('connection', (socket) => {
  const mine = new Set();
  socket.on('message', async (data) => {
    const frame = JSON.parse(String(data));
    if (frame.type !== 'subscribe') return;
    let set = subscribers.get(frame.space);
    if (!set) subscribers.set(frame.space, (set = new Set()));
    set.add(socket);
    mine.add(frame.space);
    const { rows } = await pool.query('select seq from peer_spaces where id = $1', [frame.space]);
    socket.send(JSON.stringify({ type: 'subscribed', space: frame.space, seq: rows.length ? Number(rows[0].seq) : 0 }));
  });
  socket.on('close', () => mine.forEach((space) => subscribers.get(space)?.delete(socket)));
});

pool.query(SCHEMA).then(() => server.listen(port, () => console.log(`peer listening on ${port}`)));
