import { BatonError } from '../errors/index.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Schema names go into `search_path` and DDL, where parameters are not allowed, so only plain
 * lower-case identifiers are accepted rather than trying to quote arbitrary text.
 */
export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new BatonError(
      'config_invalid',
      `Store schema ${JSON.stringify(schema)} is not a plain identifier: ` +
        'use lower-case letters, digits and underscores, starting with a letter or underscore.',
      { details: { schema } },
    );
  }
  return schema;
}
