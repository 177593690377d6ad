// Any export here is public API for the rest of Baton: add deliberately.
export { createEmbeddedCrm, type EmbeddedCrm, type EmbeddedCrmOptions, type NewCrmRecord } from './embedded-crm.js';
