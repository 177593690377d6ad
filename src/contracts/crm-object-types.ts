import { z } from 'zod';

/**
 * The CRM objects Baton reads and writes. Here rather than in crm/ because the settings file's
 * `governance` section is checked against them, and the core may take only types from crm/.
 */
export const CRM_OBJECT_TYPES = ['Account', 'Contact', 'Lead', 'Opportunity', 'Task', 'User'] as const;
export const CrmObjectTypeSchema = z.enum(CRM_OBJECT_TYPES);
export type CrmObjectType = z.infer<typeof CrmObjectTypeSchema>;
