/**
 * Where Baton keeps a prospect's sequence in the CRM: custom fields on Contact and Lead
 * (create them in Salesforce; the embedded CRM takes any field). An approved sequence sets
 * them, an opt-out stops it.
 */
export const SEQUENCE_STATUS_FIELD = 'Baton_Sequence_Status__c';
export const SEQUENCE_SUBJECTS_FIELD = 'Baton_Sequence_Subjects__c';
