import { RecordRefSchema, type CrmAdapter, type CrmRecord } from '../../crm/adapter/index.js';
import { createEmbeddedCrm } from '../../crm/embedded/index.js';
import type { RecordOwnerLookup, RecordSubject } from '../engine/approvals/record-owner.js';
import type { RecordOwner } from '../engine/approvals/review-policy.js';
import { isBatonError } from '../errors/index.js';
import type { Logger } from '../logging/index.js';

/** A lookup runs inside the approval's transaction: a CRM slower than this leaves the approval without an owner rather than holding the run. */
const LOOKUP_TIMEOUT_MS = 3_000;

export interface SlackRecordOwnersOptions {
  readonly crm: CrmAdapter;
  /** Settings `slack.users`: CRM user id → Slack user id. */
  readonly users: Readonly<Record<string, string>>;
  readonly logger: Logger;
  readonly timeoutMs?: number;
}

/**
 * Record owners for approvals, from the CRM: the record's `OwnerId`, and that user's `ManagerId`,
 * each with the Slack user id the settings map it to. Undefined (no lookups at all) when the
 * settings map nobody: without Slack ids an owner could neither get a DM nor decide.
 */
export function createSlackRecordOwners(options: SlackRecordOwnersOptions): RecordOwnerLookup | undefined {
  if (Object.keys(options.users).length === 0) return undefined;
  const timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  return {
    async ownerOf(transaction, subject) {
      // The embedded CRM is read on the approval's own transaction; Salesforce over its API.
      const crm = options.crm.kind === 'embedded' ? createEmbeddedCrm({ sql: transaction }) : options.crm;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => { resolve(undefined); }, timeoutMs);
      });
      try {
        const owner = await Promise.race([ownerOf(crm, subject, options.users), timeout]);
        if (owner === undefined) options.logger.debug({ subject }, 'no record owner found for an approval');
        return owner;
      } catch (error) {
        options.logger.warn({ subject, err: error }, 'record owner lookup failed; the approval goes to its policy reviewers');
        return undefined;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function ownerOf(crm: Pick<CrmAdapter, 'getRecord' | 'query'>, subject: RecordSubject, users: Readonly<Record<string, string>>): Promise<RecordOwner | undefined> {
  const record = await findRecord(crm, subject);
  const ownerId = text(record?.fields['OwnerId']);
  if (record === undefined || ownerId === undefined) return undefined;
  const owner = await absentWhenNotFound(crm.getRecord({ type: 'User', id: ownerId }));
  const managerId = text(owner?.fields['ManagerId']);
  const ownerReviewer = users[ownerId];
  const managerReviewer = managerId === undefined ? undefined : users[managerId];
  return {
    record: { type: record.type, id: record.id },
    ownerId,
    ...(managerId === undefined ? {} : { managerId }),
    ...(ownerReviewer === undefined ? {} : { ownerReviewer }),
    ...(managerReviewer === undefined ? {} : { managerReviewer }),
  };
}

function findRecord(crm: Pick<CrmAdapter, 'getRecord' | 'query'>, subject: RecordSubject): Promise<CrmRecord | undefined> {
  if ('record' in subject) {
    // A type the CRM does not know (a payload from elsewhere) names no record.
    const ref = RecordRefSchema.safeParse(subject.record);
    return ref.success ? absentWhenNotFound(crm.getRecord(ref.data)) : Promise.resolve(undefined);
  }
  return crm.query({ type: 'Contact', where: { Email: subject.contactEmail }, fields: ['OwnerId'], limit: 1 }).then((records) => records[0]);
}

async function absentWhenNotFound(read: Promise<CrmRecord>): Promise<CrmRecord | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isBatonError(error) && error.code === 'not_found') return undefined;
    throw error;
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
