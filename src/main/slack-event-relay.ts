import type { EventObserver } from '../../queues/events/index.js';
import { SLACK_EVENT_TYPES, type SlackWorkQueue } from '../../slack/index.js';
import type { OpenedEngine } from './open-engine.js';

/**
 * The event worker starts before the Slack app in `baton serve`, so the observer it is given
 * looks up this engine's Slack queue when an event arrives. Without Slack configured nothing is
 * registered and alerts stay on the bus for whoever else listens.
 */
const queues = new WeakMap<OpenedEngine, SlackWorkQueue>();

export function registerSlackQueue(opened: OpenedEngine, queue: SlackWorkQueue): () => void {
  queues.set(opened, queue);
  return () => queues.delete(opened);
}

/** Hands alerts and breaker changes to the Slack queue, one job per event id (a re-delivered event adds nothing). */
export function slackEventObserver(opened: OpenedEngine): EventObserver {
  return {
    types: SLACK_EVENT_TYPES,
    async observe(event) {
      const queue = queues.get(opened);
      if (queue === undefined) return;
      await queue.enqueue({ kind: 'event', eventId: event.id, type: event.type, data: event.data }, { id: `event-${event.id}` });
    },
  };
}
