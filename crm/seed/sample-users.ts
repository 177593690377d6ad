import type { NewCrmRecord } from '../embedded/index.js';
import { emailPart, sampleId } from './sample-ids.js';

export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB';
export type Territory = 'North America East' | 'North America West' | 'EMEA';

interface SampleUser {
  readonly first: string;
  readonly last: string;
  readonly title: string;
  readonly segment: Segment;
  readonly territory: Territory | 'North America' | 'Global';
  /** Index into SAMPLE_USERS of the manager. */
  readonly manager?: number;
}

/** Five account executives, each with a segment and territory, and the two managers they report to. */
export const SAMPLE_USERS: readonly SampleUser[] = [
  { first: 'Priya', last: 'Raman', title: 'Account Executive, Enterprise', segment: 'Enterprise', territory: 'North America East', manager: 5 },
  { first: 'Marcus', last: 'Bell', title: 'Account Executive, Enterprise', segment: 'Enterprise', territory: 'North America West', manager: 5 },
  { first: 'Daniel', last: 'Okafor', title: 'Account Executive, Mid-Market', segment: 'Mid-Market', territory: 'North America East', manager: 6 },
  { first: 'Hannah', last: 'Weiss', title: 'Account Executive, Mid-Market', segment: 'Mid-Market', territory: 'EMEA', manager: 6 },
  { first: 'Luis', last: 'Ortega', title: 'Account Executive, SMB', segment: 'SMB', territory: 'North America West', manager: 6 },
  { first: 'Grace', last: 'Whitfield', title: 'Regional Vice President, Enterprise Sales', segment: 'Enterprise', territory: 'North America' },
  { first: 'Tomas', last: 'Novak', title: 'Director, Commercial Sales', segment: 'Mid-Market', territory: 'Global' },
];

export const REP_COUNT = 5;

export function userId(index: number): string {
  return sampleId('User', index + 1);
}

/** The rep for an account: the one with its segment and territory, else the first with its segment. */
export function ownerFor(segment: Segment, territory: Territory): string {
  const reps = SAMPLE_USERS.slice(0, REP_COUNT);
  const exact = reps.findIndex((rep) => rep.segment === segment && rep.territory === territory);
  const bySegment = reps.findIndex((rep) => rep.segment === segment);
  return userId(exact >= 0 ? exact : Math.max(bySegment, 0));
}

export function sampleUsers(): NewCrmRecord[] {
  return SAMPLE_USERS.map((user, index) => ({
    type: 'User',
    id: userId(index),
    fields: {
      FirstName: user.first,
      LastName: user.last,
      Name: `${user.first} ${user.last}`,
      Email: `${emailPart(user.first)}.${emailPart(user.last)}@baton-demo.example`,
      Username: `${emailPart(user.first)}.${emailPart(user.last)}@baton-demo.example`,
      Title: user.title,
      IsActive: true,
      Segment__c: user.segment,
      Territory__c: user.territory,
      ManagerId: user.manager === undefined ? null : userId(user.manager),
    },
  }));
}
