/** The vocabulary of `FakeSalesforceServer`: records, faults, validation rules and recorded requests. */

/** A field value as the REST API carries it. */
export type FakeFieldValue = string | number | boolean | null;
export type FakeRecordFields = Record<string, FakeFieldValue>;

/** What the fake saw: lower-case header names, the query string and the parsed body (JSON or form). */
export interface RecordedSalesforceRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Which requests a fault waits for: by default the next REST request of any method. */
export interface FakeFaultTarget {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
}

/** One injected failure, used up by one REST request (the token endpoint is never faulted). */
export type FakeSalesforceFault = FakeFaultTarget & (
  /** 403 `REQUEST_LIMIT_EXCEEDED`: the org's rolling API request limit is spent. */
  | { readonly kind: 'request_limit' }
  /** 500 `UNKNOWN_EXCEPTION`, 503 `SERVER_UNAVAILABLE`, or a 502 HTML page from the edge. */
  | { readonly kind: 'server_error'; readonly status: 500 | 502 | 503 }
  /** Answers normally after `delayMs`; nothing is sent if the client gave up first. */
  | { readonly kind: 'delay'; readonly delayMs: number }
  /** Carries the request out, then resets the connection: the client cannot know it succeeded. */
  | { readonly kind: 'lost_answer' }
);

/** A validation rule: a write setting `field` to a value `rejects` accepts fails with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
export interface FakeValidationRule {
  readonly type: string;
  readonly field: string;
  readonly message: string;
  readonly rejects: (value: FakeFieldValue) => boolean;
}

/** The body of every REST error: an array of `{ message, errorCode, fields }`. */
export interface SalesforceErrorItem {
  readonly message: string;
  readonly errorCode: string;
  readonly fields?: readonly string[];
}

/** Thrown inside the fake and answered as `status` with `[item]`. */
export class FakeSalesforceError extends Error {
  readonly status: number;
  readonly item: SalesforceErrorItem;

  constructor(status: number, errorCode: string, message: string, fields?: readonly string[]) {
    super(message);
    this.status = status;
    this.item = fields === undefined ? { message, errorCode } : { message, errorCode, fields };
  }
}

/** Fields the platform maintains; a write naming one fails with INVALID_FIELD_FOR_INSERT_UPDATE. */
export const SYSTEM_FIELDS = ['Id', 'CreatedDate', 'LastModifiedDate', 'SystemModstamp'] as const;

/** Standard fields each object knows before anything is seeded; seeding adds the seed's fields. */
export const STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Account: ['Name', 'Industry', 'NumberOfEmployees', 'AnnualRevenue', 'Website', 'BillingCountry', 'Description', 'Type', 'OwnerId'],
  Contact: ['FirstName', 'LastName', 'Name', 'Email', 'Title', 'Phone', 'AccountId', 'OwnerId'],
  Lead: ['FirstName', 'LastName', 'Name', 'Email', 'Company', 'Title', 'Status', 'LeadSource', 'Industry', 'NumberOfEmployees', 'Rating', 'OwnerId'],
  Opportunity: ['Name', 'StageName', 'Amount', 'CloseDate', 'Probability', 'AccountId', 'OwnerId'],
  Task: ['Subject', 'Status', 'Priority', 'ActivityDate', 'Description', 'WhoId', 'WhatId', 'OwnerId'],
  User: ['Name', 'FirstName', 'LastName', 'Email', 'Username', 'IsActive'],
};

/** The three-character key prefix that starts every Id of an object. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  Task: '00T',
  User: '005',
};
