export { createBullStepQueue, type BullStepQueue, type BullStepQueueOptions } from './bull-step-queue.js';
export { createStepWorker, type StepWorkerOptions } from './step-worker.js';
export { STEP_QUEUE } from './step-queue-names.js';
