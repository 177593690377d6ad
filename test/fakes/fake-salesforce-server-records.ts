import {
  FakeSalesforceError,
  KEY_PREFIXES,
  STANDARD_FIELDS,
  SYSTEM_FIELDS,
  type FakeFieldValue,
  type FakeRecordFields,
  type FakeValidationRule,
} from './fake-salesforce-server-types.js';

/**
 * The fake org's data: records by object and Id, the fields each object knows, and validation
 * rules. Timestamps come from a clock that moves at least one second per write, because
 * Salesforce's LastModifiedDate (and so `If-Unmodified-Since`) has one-second resolution: two
 * writes within a second would otherwise be indistinguishable and a test could not cause a 412.
 */
export class FakeRecordStore {
  readonly #records = new Map<string, Map<string, FakeRecordFields>>();
  readonly #fields = new Map<string, Set<string>>();
  readonly #rules: FakeValidationRule[] = [];
  #lastStamp = 0;
  #sequence = 0;

  seed(type: string, fields: FakeRecordFields): string {
    const known = this.knownFields(type, true);
    for (const name of Object.keys(fields)) known.add(name);
    const id = typeof fields['Id'] === 'string' ? fields['Id'] : this.#newId(type);
    // Seeds are existing data: stamped an hour ago unless they say otherwise.
    const stamp = formatDateTime(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const record = { CreatedDate: stamp, LastModifiedDate: stamp, SystemModstamp: stamp, ...fields, Id: id };
    this.#table(type).set(id, record);
    return id;
  }

  /** The object's known field names; unknown objects throw unless `create` is set. */
  knownFields(type: string, create = false): Set<string> {
    let known = this.#fields.get(type);
    if (known === undefined) {
      if (!create && STANDARD_FIELDS[type] === undefined) throw new FakeSalesforceError(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
      known = new Set([...SYSTEM_FIELDS, ...(STANDARD_FIELDS[type] ?? [])]);
      this.#fields.set(type, known);
    }
    return known;
  }

  get(type: string, id: string): FakeRecordFields {
    const record = this.#records.get(type)?.get(id);
    if (record === undefined) throw new FakeSalesforceError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return record;
  }

  find(type: string, id: string): FakeRecordFields | undefined {
    return this.#records.get(type)?.get(id);
  }

  all(type: string): FakeRecordFields[] {
    this.knownFields(type);
    return [...(this.#records.get(type)?.values() ?? [])];
  }

  /** Checks a write without applying it: unknown, system and rule-breaking fields are refused. */
  check(type: string, changes: Readonly<Record<string, unknown>>): FakeRecordFields {
    const known = this.knownFields(type);
    const accepted: FakeRecordFields = {};
    for (const [field, value] of Object.entries(changes)) {
      if (field === 'attributes' || field === 'Id' || field === 'id') continue;
      if (!known.has(field)) throw new FakeSalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${type}`, []);
      if ((SYSTEM_FIELDS as readonly string[]).includes(field)) {
        throw new FakeSalesforceError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${field}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, [field]);
      }
      if (!isFieldValue(value)) throw new FakeSalesforceError(400, 'JSON_PARSER_ERROR', `Cannot deserialize instance of ${type}.${field} from a JSON object or array`);
      const rule = this.#rules.find((candidate) => candidate.type === type && candidate.field === field && candidate.rejects(value));
      if (rule !== undefined) throw new FakeSalesforceError(400, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, [field]);
      accepted[field] = value;
    }
    return accepted;
  }

  /** Applies checked changes and stamps the record, as every successful write does. */
  write(type: string, id: string, changes: FakeRecordFields): void {
    const record = this.get(type, id);
    const stamp = formatDateTime(this.#nextStamp());
    Object.assign(record, changes, { LastModifiedDate: stamp, SystemModstamp: stamp });
  }

  create(type: string, changes: FakeRecordFields): string {
    const id = this.seed(type, {});
    this.write(type, id, changes);
    return id;
  }

  delete(type: string, id: string): void {
    this.get(type, id);
    this.#records.get(type)?.delete(id);
  }

  addRule(rule: FakeValidationRule): void {
    this.knownFields(rule.type, true).add(rule.field);
    this.#rules.push(rule);
  }

  #table(type: string): Map<string, FakeRecordFields> {
    const table = this.#records.get(type) ?? new Map<string, FakeRecordFields>();
    this.#records.set(type, table);
    return table;
  }

  #newId(type: string): string {
    this.#sequence += 1;
    return `${KEY_PREFIXES[type] ?? 'a00'}${String(this.#sequence).padStart(12, '0')}AAA`;
  }

  #nextStamp(): number {
    this.#lastStamp = Math.max(Math.floor(Date.now() / 1000) * 1000, this.#lastStamp + 1000);
    return this.#lastStamp;
  }
}

/** Salesforce's dateTime format: `2026-05-01T10:00:00.000+0000`. */
export function formatDateTime(milliseconds: number): string {
  return new Date(milliseconds).toISOString().replace('Z', '+0000');
}

export function parseDateTime(value: FakeFieldValue | undefined): number {
  return typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : Number.NaN;
}

function isFieldValue(value: unknown): value is FakeFieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
