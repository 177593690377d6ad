import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatonError } from '../errors/index.js';
import { loadSettings, parseSettingsText } from './load-settings.js';
import { KNOWN_REVIEW_ACTIONS } from './review-policy-schema.js';
import { DEFAULT_ALLOWED_FIELDS, DEFAULT_RISK } from './governance-defaults.js';
import { DEFAULT_SETTINGS } from './settings-schema.js';

const EXAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../examples/baton.config.json');

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'baton-settings-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function failureOf(work: () => Promise<unknown>): Promise<BatonError> {
  const error = await work().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BatonError);
  return error as BatonError;
}

describe('loadSettings', () => {
  it('gives the defaults when the default file does not exist', async () => {
    const settings = await loadSettings({ configFile: { path: path.join(folder, 'baton.config.json'), explicit: false } });
    expect(settings).toBe(DEFAULT_SETTINGS);
    expect(settings.budgets).toEqual({ runUsd: 5, dayUsd: 100, maxStepsPerRun: 250, timeZone: 'UTC' });
    expect(settings.breakers).toEqual({ failureThreshold: 5, cooldownMs: 30_000 });
    expect(settings.queues).toEqual({ lockDurationMs: 6_000, stalledIntervalMs: 3_000, concurrency: 4 });
    expect(settings.defaultReviewPolicy).toEqual({
      risk: 'high',
      reviewers: { users: [], groups: [] },
      expiresInMinutes: 1_440,
      onExpiry: 'escalate',
      escalateTo: { users: [], groups: [] },
      allowRecordOwner: false,
      allowOwnerManager: false,
    });
    expect(settings.slack).toEqual({ users: {}, triage: { users: [], groups: [] } });
    expect(settings.triggers).toEqual([]);
    expect(settings.schedules).toEqual([]);
    expect(settings.governance).toMatchObject({ confidenceThreshold: 0.8, maxWritesPerRecordPerHour: 3, agentPriority: {}, risk: DEFAULT_RISK });
    expect(settings.governance.allowedFields).toEqual(DEFAULT_ALLOWED_FIELDS);
    expect(Object.isFrozen(settings.budgets)).toBe(true);
  });

  it('reads the example file with every section and freezes it', async () => {
    const settings = await loadSettings({ configFile: { path: EXAMPLE, explicit: true } });
    expect(Object.keys(settings.reviewPolicies).sort()).toEqual([...KNOWN_REVIEW_ACTIONS].sort());
    expect(settings.reviewPolicies['crm_write']).toMatchObject({ risk: 'medium', onExpiry: 'reject', expiresInMinutes: 480 });
    expect(settings.triggers[0]).toMatchObject({ event: 'account.targeted', workflow: 'research_account', input: { account: 'data.account' } });
    expect(settings.schedules[0]).toMatchObject({ id: 'monday-research-northwind', cron: '0 6 * * 1', timeZone: 'America/New_York' });
    expect(Object.isFrozen(settings.schedules[0]?.input)).toBe(true);
    expect(settings.governance).toMatchObject({ confidenceThreshold: 0.8, maxWritesPerRecordPerHour: 3, agentPriority: { 'research-merge': 10 } });
    expect(settings.governance.allowedFields['research-merge']?.Account).toContain('Rating');
    expect(settings.governance.allowedFields['reply-classifier']).toEqual(DEFAULT_ALLOWED_FIELDS['reply-classifier']);
    expect(settings.governance.fieldRules.Account).toMatchObject({ Rating: { kind: 'enum', values: ['Hot', 'Warm', 'Cold'] }, NumberOfEmployees: { kind: 'positiveInteger' } });
    expect(settings.governance.risk).toMatchObject({ Opportunity: 'high', User: 'high' });
    expect(Object.isFrozen(settings.governance.allowedFields)).toBe(true);
    expect(() => {
      (settings.budgets as { runUsd: number }).runUsd = 1_000;
    }).toThrow(TypeError);
  });

  it('fills what a partial file leaves out', async () => {
    const file = path.join(folder, 'partial.json');
    await writeFile(file, JSON.stringify({ budgets: { runUsd: 2 }, reviewPolicies: { send_sequence: { risk: 'high' } } }));
    const settings = await loadSettings({ configFile: { path: file, explicit: true } });
    expect(settings.budgets).toEqual({ runUsd: 2, dayUsd: 100, maxStepsPerRun: 250, timeZone: 'UTC' });
    expect(settings.reviewPolicies['send_sequence']).toMatchObject({ expiresInMinutes: 1_440, onExpiry: 'escalate' });
  });

  it('refuses a missing file that BATON_CONFIG names, saying how to fix it', async () => {
    const file = path.join(folder, 'nowhere.json');
    const error = await failureOf(() => loadSettings({ configFile: { path: file, explicit: true } }));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(`BATON_CONFIG=${file}`);
    expect(error.message).toContain('does not exist');
  });

  it('names the file when the JSON does not parse', async () => {
    const file = path.join(folder, 'broken.json');
    await writeFile(file, '{ "budgets": { "runUsd": 5, } }');
    const error = await failureOf(() => loadSettings({ configFile: { path: file, explicit: true } }));
    expect(error.code).toBe('config_invalid');
    expect(error.message).toMatch(/^\/.*broken\.json: is not valid JSON: /);
  });
});

describe('parseSettingsText', () => {
  it('reports every problem at once, each with the file name and its JSON path', () => {
    const text = JSON.stringify({
      budget: {},
      budgets: { runUsd: -1, timeZone: 'Mars/Olympus' },
      reviewPolicies: { 'Send-Sequence': { risk: 'high' }, crm_write: { risk: 'severe', onExpiry: 'ignore' } },
      triggers: [{ event: 'LeadCreated', workflow: 'research_account', when: { 'data.lead.country': null } }],
      schedules: [
        { id: 'deal-review', cron: '0 6 * *', timeZone: 'Europe/Berlin', workflow: 'review_deals' },
        { id: 'deal-review', cron: '0 25 * * *', timeZone: 'Europe/Berlin', workflow: 'review_deals' },
      ],
    });
    const error = (() => {
      try {
        parseSettingsText(text, 'baton.config.json');
      } catch (thrown) {
        return thrown as BatonError;
      }
      throw new Error('expected a failure');
    })();
    expect(error.code).toBe('config_invalid');
    expect(error.details['problems']).toEqual([
      'baton.config.json: budgets.runUsd: Too small: expected number to be >0',
      'baton.config.json: budgets.timeZone: "Mars/Olympus" is not an IANA time zone, like Europe/Berlin or UTC',
      'baton.config.json: reviewPolicies["Send-Sequence"]: invalid name: must be a snake_case action name, like send_sequence',
      'baton.config.json: reviewPolicies.crm_write.risk: Invalid option: expected one of "low"|"medium"|"high"',
      'baton.config.json: reviewPolicies.crm_write.onExpiry: Invalid option: expected one of "escalate"|"reject"',
      'baton.config.json: triggers[0].event: must be noun.verb in lower case, like lead.created',
      'baton.config.json: triggers[0].when["data.lead.country"]: must be a string, number or boolean to compare with',
      'baton.config.json: schedules[0].cron: "0 6 * *" is not a valid cron expression (5 or 6 fields)',
      'baton.config.json: schedules[1].cron: "0 25 * * *" is not a valid cron expression: hour "25" must be within 0-23',
      'baton.config.json: schedules[1].id: "deal-review" is already the id of schedules[0]',
      'baton.config.json: Unrecognized key: "budget"',
    ]);
    expect(error.message).toMatch(/^Invalid settings in baton\.config\.json:\n {2}- baton\.config\.json: budgets\.runUsd: /);
  });

  it('refuses a bad governance section with the JSON path of each problem', () => {
    const text = JSON.stringify({ governance: { confidenceThreshold: 1.5, risk: { Widget: 'low' }, fieldRules: { Lead: { Status: { kind: 'enum' } } } } });
    expect(() => parseSettingsText(text, 'x.json')).toThrow(/x\.json: governance\.confidenceThreshold: .*\n.*x\.json: governance\.fieldRules\.Lead\.Status\.values: an enum rule lists its values/s);
    expect(() => parseSettingsText(text, 'x.json')).toThrow(/governance\.risk/);
  });

  it('reads the slack section (CRM users to Slack ids, triage reviewers) and refuses ids that are not Slack ids', () => {
    const settings = parseSettingsText(JSON.stringify({ slack: { users: { '005A1': 'U0REP1' }, triage: { users: ['U0OPS1'] } }, reviewPolicies: { crm_write: { risk: 'high', allowRecordOwner: true } } }), 'x.json');
    expect(settings.slack).toEqual({ users: { '005A1': 'U0REP1' }, triage: { users: ['U0OPS1'], groups: [] } });
    expect(settings.reviewPolicies['crm_write']).toMatchObject({ allowRecordOwner: true, allowOwnerManager: false });
    expect(() => parseSettingsText(JSON.stringify({ slack: { users: { '005A1': 'rep@acme.com' }, triage: { groups: ['revops'] } } }), 'x.json')).toThrow(
      /x\.json: slack\.users\["005A1"\]: must be a Slack user id \(U… or W…\).*\n.*x\.json: slack\.triage\.groups\[0\]: must be a Slack user-group id \(S…\)/s,
    );
  });

  it('refuses two schedules with one id, naming both', () => {
    const schedule = { id: 'deal-review', cron: '0 6 * * *', timeZone: 'UTC', workflow: 'review_deals' };
    expect(() => parseSettingsText(JSON.stringify({ schedules: [schedule, schedule] }), 'x.json')).toThrow(
      'x.json: schedules[1].id: "deal-review" is already the id of schedules[0]',
    );
  });
});
