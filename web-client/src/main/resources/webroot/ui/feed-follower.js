// A reactive controller for a tab that reacts to its space's feed: it follows the host's `feed` property (the
// space page makes a new feed per space), calling onEvent for each applied event and onSignal for each signal
// (presence, culture.scored, metrics.changed...), and stops following when the host leaves the page.
export class FeedFollower {
  constructor(host, { onEvent, onSignal } = {}) {
    this.host = host;
    this.onEvent = onEvent;
    this.onSignal = onSignal;
    this.feed = null;
    host.addController(this);
  }

  // Before every update, so a new feed is followed before the tab renders with it.
  hostUpdate() {
    this.follow(this.host.feed ?? null);
  }

  hostDisconnected() {
    this.follow(null);
  }

  hostConnected() {
    if (this.host.hasUpdated) this.follow(this.host.feed ?? null);
  }

  follow(feed) {
    if (this.feed === feed) return;
    if (this.onEvent) this.feed?.removeEventListener('space-event', this.onEvent);
    if (this.onSignal) this.feed?.removeEventListener('space-signal', this.onSignal);
    if (this.onEvent) feed?.addEventListener('space-event', this.onEvent);
    if (this.onSignal) feed?.addEventListener('space-signal', this.onSignal);
    this.feed = feed;
  }
}
