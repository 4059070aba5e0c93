// The real-time client: one SockJS connection per tab to /eventbus, speaking the Vert.x bridge's JSON frames
// (docs/protocol.md). No UI dependency; the app listens to its events.
//
//   const bus = new Bus();                       // uses window.SockJS (dist/sockjs.min.js) and localStorage
//   bus.start();
//   bus.addEventListener('status', e => e.detail) // {status: 'connecting'|'online'|'reconnecting'|'offline', waiting}
//   const sub = bus.subscribe(spaceId, {
//     afterSeq: 41,                               // the last seq the caller already has (0: everything)
//     onEvent(event) {},                          // {space, seq, type, payload, actor, at}, strictly in seq order, once
//     onSignal(body) {},                          // bodies without seq: presence, culture.scored, and the bus's own
//   });                                           // {type: 'resync'} (reload state), {type: 'unsubscribed'|'refused'}
//   sub.close();
//   const watch = bus.watch(`rollup.${spaceId}`, (body) => {}); // an address without seq or order (roll-up notices):
//   watch.close();                                // registered again on every reconnect; onMessage({type:'refused'})
//   bus.command({type: 'action.claim', spaceId, itemId}) // Promise of the reply body; rejects with the error
//                                                 // object {code, message, field, ...} (409 edit_conflict has current)
//   bus.now()                                     // the server's clock: Date.now() + the offset from hello/serverTime
//
// Commands carry a commandId (the server's idempotency key). Those sent without a connection are kept in memory
// and in localStorage and sent again, with the same commandId, on (re)connect; after a reload they are sent again
// and their outcome reported as 'command-settled' events, since their promises died with the page. One refused by
// the server is never retried: its promise rejects (and 'command-failed' fires) so the user can be told.

const STORAGE_KEY = 'cadre.bus.outbox';
const PING_MS = 20_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const COMMAND_ADDRESS = 'cadre.command';

export class Bus extends EventTarget {
  constructor({ url = '/eventbus', SockJS = globalThis.SockJS, storage = globalThis.localStorage } = {}) {
    super();
    this.url = url;
    this.SockJS = SockJS;
    this.storage = storage;
    this.status = 'offline';
    this.userId = null;
    this.offsetMs = 0;
    this.socket = null;
    this.attempt = 0;
    this.stopped = true;
    this.subscriptions = new Map(); // spaceId -> Subscription
    this.watches = new Map(); // address -> Set of handlers, for addresses whose messages carry no seq
    this.replies = new Map(); // replyAddress -> {resolve, reject, commandId}
    this.outbox = this.loadOutbox(); // commandId -> body, in the order sent
    this.waiters = new Map(); // commandId -> {resolve, reject}
  }

  /** Opens the connection (and reopens it whenever it drops) until stop(). */
  start() {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.close();
    this.setStatus('offline');
  }

  /** The server's current time in ms, from the clock offset measured at connect and on every event. */
  now() {
    return Date.now() + this.offsetMs;
  }

  /** How many commands wait for a connection. */
  get waiting() {
    return this.outbox.size;
  }

  subscribe(spaceId, { afterSeq = 0, onEvent = () => {}, onSignal = () => {} } = {}) {
    this.subscriptions.get(spaceId)?.close();
    const sub = new Subscription(this, spaceId, afterSeq, onEvent, onSignal);
    this.subscriptions.set(spaceId, sub);
    if (this.status === 'online') sub.register();
    return sub;
  }

  /** Follows an address whose messages need no order or replay (a roll-up's notices); see the header. */
  watch(address, onMessage) {
    let handlers = this.watches.get(address);
    if (!handlers) {
      handlers = new Set();
      this.watches.set(address, handlers);
      if (this.status === 'online') this.write({ type: 'register', address });
    }
    handlers.add(onMessage);
    return {
      close: () => {
        handlers.delete(onMessage);
        if (handlers.size === 0 && this.watches.get(address) === handlers) {
          this.watches.delete(address);
          this.write({ type: 'unregister', address });
        }
      },
    };
  }

  /** Sends a command; resolves with the reply body, rejects with the server's error object. */
  command(body) {
    const commandId = body.commandId ?? crypto.randomUUID();
    const command = { ...body, commandId };
    return new Promise((resolve, reject) => {
      this.waiters.set(commandId, { resolve, reject });
      this.outbox.set(commandId, command);
      this.saveOutbox();
      this.emitStatus();
      if (this.status === 'online') this.transmit(command);
    });
  }

  // --- connection ---------------------------------------------------------------------------------------------

  connect() {
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new this.SockJS(this.url);
    this.socket = socket;
    socket.onopen = () => this.opened(socket);
    socket.onmessage = (message) => this.received(JSON.parse(message.data));
    socket.onclose = () => this.closed(socket);
  }

  opened(socket) {
    if (socket !== this.socket) return;
    this.attempt = 0;
    this.pingTimer = setInterval(() => this.write({ type: 'ping' }), PING_MS);
    this.setStatus('online');
    for (const sub of this.subscriptions.values()) sub.register();
    for (const address of this.watches.keys()) this.write({ type: 'register', address });
    for (const command of this.outbox.values()) this.transmit(command);
  }

  closed(socket) {
    if (socket !== this.socket) return;
    clearInterval(this.pingTimer);
    this.socket = null;
    for (const sub of this.subscriptions.values()) sub.disconnected();
    // Replies to commands in flight are lost with the socket; the commands stay in the outbox and go again.
    this.replies.clear();
    if (this.stopped) return;
    this.setStatus(navigator.onLine === false ? 'offline' : 'reconnecting');
    // Exponential backoff with full jitter, so a restarted server is not hit by every tab at once.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** this.attempt);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), Math.random() * ceiling);
  }

  write(frame) {
    if (this.socket?.readyState !== 1) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  setStatus(status) {
    this.status = status;
    this.emitStatus();
  }

  emitStatus() {
    this.dispatchEvent(new CustomEvent('status', { detail: { status: this.status, waiting: this.outbox.size } }));
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  // --- frames from the server ---------------------------------------------------------------------------------

  received(frame) {
    if (frame.type === 'err') {
      this.failed(frame);
      return;
    }
    if (frame.type !== 'rec') return;
    const body = frame.body ?? {};
    if (body.serverTime) this.offsetMs = Date.parse(body.serverTime) - Date.now();
    if (frame.address === 'cadre.hello') {
      this.userId = body.userId ?? null;
      this.emit('hello', body);
      return;
    }
    const reply = this.replies.get(frame.address);
    if (reply) {
      this.replies.delete(frame.address);
      reply.resolve(body);
      return;
    }
    const watchers = this.watches.get(frame.address);
    if (watchers) {
      if (body.type !== 'subscribed') watchers.forEach((handler) => handler(body));
    } else if (frame.address?.startsWith('space.')) {
      this.subscriptions.get(frame.address.slice('space.'.length))?.received(body);
    } else if (frame.address?.startsWith('user.')) {
      this.emit('notice', body);
    }
  }

  failed(frame) {
    const watchers = frame.address && this.watches.get(frame.address);
    if (watchers) {
      this.watches.delete(frame.address);
      watchers.forEach((handler) => handler({ type: 'refused', address: frame.address }));
      return;
    }
    const reply = frame.address && this.replies.get(frame.address);
    if (reply) {
      this.replies.delete(frame.address);
      let error;
      try {
        error = JSON.parse(frame.message);
      } catch {
        error = { code: 'failed', message: frame.message };
      }
      reply.reject({ status: frame.failureCode, ...error });
      return;
    }
    // A bare rejection answers a register the server refused: it names no address, so it goes to the one
    // subscription waiting for its confirmation (registers are sent one at a time for that reason).
    const waiting = [...this.subscriptions.values()].find((sub) => sub.state === 'registering');
    if (waiting) waiting.refused();
    else this.emit('rejected', frame);
  }

  // --- commands -----------------------------------------------------------------------------------------------

  /** Sends one command and settles it from the reply: done (or refused) leaves the outbox, for good. */
  transmit(command) {
    const replyAddress = crypto.randomUUID();
    const settle = (ok, value) => {
      this.outbox.delete(command.commandId);
      this.saveOutbox();
      this.emitStatus();
      const waiter = this.waiters.get(command.commandId);
      this.waiters.delete(command.commandId);
      if (waiter) (ok ? waiter.resolve : waiter.reject)(value);
      else this.emit('command-settled', { command, ok, value });
      if (!ok) this.emit('command-failed', { command, error: value });
    };
    this.replies.set(replyAddress, {
      resolve: (body) => settle(true, body),
      reject: (error) => {
        // Too fast: leave it queued and send it again with the next connection or command.
        if (error.code === 'rate_limited') setTimeout(() => this.status === 'online' && this.transmit(command), 1000);
        else settle(false, error);
      },
    });
    this.write({ type: 'send', address: COMMAND_ADDRESS, body: command, replyAddress });
  }

  /** A command for the bus's own use (catchup): not kept across reloads. */
  request(body) {
    return new Promise((resolve, reject) => {
      const replyAddress = crypto.randomUUID();
      this.replies.set(replyAddress, { resolve, reject });
      if (!this.write({ type: 'send', address: COMMAND_ADDRESS, body, replyAddress })) {
        this.replies.delete(replyAddress);
        reject({ code: 'offline' });
      }
    });
  }

  loadOutbox() {
    try {
      return new Map((JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? '[]')).map((c) => [c.commandId, c]));
    } catch {
      return new Map();
    }
  }

  saveOutbox() {
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify([...this.outbox.values()]));
    } catch {
      // Storage full or denied: the commands are still kept in memory for this page.
    }
  }
}

/** One space's stream: applies events strictly by seq, buffering early ones and asking for any gap. */
class Subscription {
  constructor(bus, spaceId, afterSeq, onEvent, onSignal) {
    this.bus = bus;
    this.spaceId = spaceId;
    this.seq = afterSeq; // the last seq applied
    this.onEvent = onEvent;
    this.onSignal = onSignal;
    this.early = new Map(); // seq -> event that arrived before its predecessors
    this.state = 'idle'; // idle, queued, registering, live, closed
    this.catchingUp = false;
  }

  get address() {
    return `space.${this.spaceId}`;
  }

  /** Registers with resume from the last applied seq; a server without resume is closed by catchup later. */
  register() {
    if (this.state === 'closed') return;
    // One register in flight at a time, so a refusal (which names no address) is attributable.
    const busy = [...this.bus.subscriptions.values()].some((s) => s !== this && s.state === 'registering');
    if (busy) {
      this.state = 'queued';
      return;
    }
    this.state = 'registering';
    this.bus.write({ type: 'register', address: this.address, headers: { afterSeq: String(this.seq) } });
  }

  disconnected() {
    if (this.state !== 'closed') this.state = 'idle';
    this.catchingUp = false;
  }

  close() {
    this.state = 'closed';
    if (this.bus.subscriptions.get(this.spaceId) === this) this.bus.subscriptions.delete(this.spaceId);
    this.bus.write({ type: 'unregister', address: this.address });
    this.registerNext();
  }

  refused() {
    this.state = 'closed';
    this.bus.subscriptions.delete(this.spaceId);
    this.onSignal({ type: 'refused', spaceId: this.spaceId });
    this.registerNext();
  }

  registerNext() {
    const next = [...this.bus.subscriptions.values()].find((s) => s.state === 'queued');
    if (next && this.bus.status === 'online') next.register();
  }

  received(body) {
    if (this.state === 'closed') return;
    if (body.type === 'subscribed') {
      this.state = 'live';
      this.registerNext();
      // Without resume (an older server) nothing was replayed; with it, seq says whether anything is still missing.
      if (body.seq === undefined || body.seq > this.seq) this.catchUp();
      return;
    }
    if (body.type === 'unsubscribed') {
      this.state = 'closed';
      this.bus.subscriptions.delete(this.spaceId);
      this.onSignal(body);
      return;
    }
    if (body.type === 'resync') {
      this.early.clear();
      if (typeof body.seq === 'number') this.seq = body.seq;
      this.onSignal(body);
      return;
    }
    if (typeof body.seq !== 'number') {
      this.onSignal(body);
      return;
    }
    this.offer(body);
  }

  /** Applies the event if it is the next one, keeps it if early, drops it if already applied. */
  offer(event) {
    if (event.seq <= this.seq) return;
    if (event.seq > this.seq + 1) {
      this.early.set(event.seq, event);
      // A gap: ask for it, unless the subscription is still being replayed or a catch-up is under way.
      if (this.state === 'live') this.catchUp();
      return;
    }
    this.apply(event);
    let next;
    while ((next = this.early.get(this.seq + 1))) {
      this.early.delete(next.seq);
      this.apply(next);
    }
    for (const seq of this.early.keys()) if (seq <= this.seq) this.early.delete(seq);
  }

  apply(event) {
    this.seq = event.seq;
    try {
      this.onEvent(event);
    } catch (error) {
      console.error('A space event handler failed', error);
    }
  }

  async catchUp() {
    if (this.catchingUp) return;
    this.catchingUp = true;
    const from = this.seq;
    try {
      let more = true;
      while (more && this.state === 'live') {
        const reply = await this.bus.request({ type: 'catchup', spaceId: this.spaceId, afterSeq: this.seq });
        reply.events.forEach((event) => this.offer(event));
        more = reply.more && reply.events.length > 0;
      }
    } catch (error) {
      // The connection dropped (resubscribing catches up again) or the access went: reported by the server.
      if (error?.code && error.code !== 'offline') this.onSignal({ type: 'catchup-failed', error });
    } finally {
      this.catchingUp = false;
    }
    // Events arrived early while catching up: ask again, as long as each round closes part of the gap.
    if (this.early.size > 0 && this.state === 'live' && this.seq > from) this.catchUp();
  }
}
