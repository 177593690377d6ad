// Any export here is public API for the rest of Baton: add deliberately.
export { createInspectorRoute, type InspectorOptions } from './inspector-route.js';
export type { InspectorAccess, InspectorIdentity } from './inspector-auth.js';
