export { firedAt, SCHEDULE_JOB_NAME, ScheduleJobDataSchema, type ScheduleJobData } from './schedule-job.js';
export { startScheduleWorker, type ScheduleWorker, type ScheduleWorkerOptions } from './schedule-worker.js';
export {
  listSchedules,
  syncSchedules,
  type ScheduleInfo,
  type ScheduleQueueOptions,
  type ScheduleSyncResult,
  type SyncSchedulesOptions,
} from './sync-schedules.js';
