// Any export here is public API for the rest of Baton: add deliberately.
export { LEGAL_HOLD_ACCOUNT } from './sample-accounts.js';
export { buildSampleBook, seedCrm, type SeedResult } from './seed-crm.js';
