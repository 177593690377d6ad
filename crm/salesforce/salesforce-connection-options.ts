/**
 * How Baton reaches a Salesforce org. `src/config.ts` builds one of these from SALESFORCE_*
 * variables; nothing here reads the environment.
 */

/** Salesforce's REST API version Baton speaks unless SALESFORCE_API_VERSION says otherwise. */
export const DEFAULT_SALESFORCE_API_VERSION = '62.0';

/** A session someone already holds (SALESFORCE_INSTANCE_URL + SALESFORCE_ACCESS_TOKEN); it cannot be renewed. */
export interface SalesforceAccessTokenCredentials {
  readonly instanceUrl: string;
  readonly accessToken: string;
}

/**
 * OAuth 2.0 username-password flow through a connected app. The client pair is required: without
 * it jsforce falls back to the SOAP login(), which Salesforce retires in Summer '27.
 */
export interface SalesforcePasswordCredentials {
  readonly loginUrl: string;
  readonly username: string;
  /** The password with the user's security token appended, unless the org trusts Baton's IP range. */
  readonly password: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** OAuth 2.0 client-credentials flow: a connected app with a run-as user; `loginUrl` is the org's My Domain URL. */
export interface SalesforceClientCredentials {
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export type SalesforceCredentials = SalesforceAccessTokenCredentials | SalesforcePasswordCredentials | SalesforceClientCredentials;

export type SalesforceConnectionOptions = SalesforceCredentials & {
  /** e.g. `62.0`; set explicitly so an upgrade of jsforce never changes the API Baton speaks. */
  readonly apiVersion: string;
};
