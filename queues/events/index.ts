export { createEventBus, type EventBus, type EventBusOptions } from './event-bus.js';
export { startEventWorker, type EventWorker, type EventWorkerOptions } from './event-worker.js';
export { handleEvent, type EventHandlerContext, type EventObserver, type EventOutcome, type StartedByEvent } from './handle-event.js';
