// Any export here is public API of the Slack app: add deliberately.
export { createSlackApp, type SlackApp, type SlackAppOptions, type SlackConnection } from './app/create-slack-app.js';
export type { SlackChannels, SlackContext } from './app/slack-context.js';
export { createCardStore, type CardStore } from './cards/card-store.js';
export { syncCards, type CardSyncReport } from './cards/sync-cards.js';
export { createReviewerDirectory, type ReviewerDirectory } from './reviewers/reviewer-directory.js';
export { SLACK_EVENT_TYPES } from './alerts/deliver-event.js';
export { handleSlackJob } from './work/handle-slack-job.js';
export { SlackJobSchema, type SlackJob, type SlackWorkQueue } from './work/slack-job.js';
export { MessageSchema, ModalSchema, BlockSchema, type SlackMessage, type SlackModal } from './blocks/block-kit-schema.js';
