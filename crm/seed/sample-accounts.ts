import type { NewCrmRecord } from '../embedded/index.js';
import { sampleId } from './sample-ids.js';
import { ownerFor, type Segment, type Territory } from './sample-users.js';

/** [name, domain, industry, employees, city, country, territory] */
type AccountRow = readonly [string, string, string, number, string, string, Territory];

const EAST = 'North America East';
const WEST = 'North America West';

export const SAMPLE_ACCOUNTS: readonly AccountRow[] = [
  ['Northwind Logistics', 'northwind-logistics.example', 'Transportation', 4200, 'Boston', 'United States', EAST],
  ['Harbor Point Health', 'harborpoint-health.example', 'Healthcare', 2600, 'Philadelphia', 'United States', EAST],
  ['Cobalt Ridge Software', 'cobaltridge.example', 'Technology', 640, 'New York', 'United States', EAST],
  ['Maple & Finch Insurance', 'maplefinch.example', 'Insurance', 1250, 'Hartford', 'United States', EAST],
  ['Bluewater Analytics', 'bluewater-analytics.example', 'Technology', 180, 'Raleigh', 'United States', EAST],
  ['Granite State Manufacturing', 'granitestate-mfg.example', 'Manufacturing', 950, 'Manchester', 'United States', EAST],
  ['Lumen Bay Retail', 'lumenbay.example', 'Retail', 5400, 'Atlanta', 'United States', EAST],
  ['Quillfeather Legal Tech', 'quillfeather.example', 'Technology', 85, 'Washington', 'United States', EAST],
  ['Everpine Credit Union', 'everpine-cu.example', 'Banking', 410, 'Pittsburgh', 'United States', EAST],
  ['Sablewood Media', 'sablewood.example', 'Media', 140, 'New York', 'United States', EAST],
  ['Redwood Peak Energy', 'redwoodpeak.example', 'Energy', 3100, 'Denver', 'United States', WEST],
  ['Silverline Payments', 'silverline-pay.example', 'Financial Services', 2200, 'San Francisco', 'United States', WEST],
  ['Tidewater Biotech', 'tidewater-bio.example', 'Biotechnology', 720, 'San Diego', 'United States', WEST],
  ['Canyon Freight', 'canyonfreight.example', 'Transportation', 160, 'Phoenix', 'United States', WEST],
  ['Orchard Lane Foods', 'orchardlane.example', 'Food & Beverage', 1800, 'Portland', 'United States', WEST],
  ['Kestrel Robotics', 'kestrel-robotics.example', 'Manufacturing', 95, 'Austin', 'United States', WEST],
  ['Alpine Ridge Outfitters', 'alpineridge.example', 'Retail', 260, 'Salt Lake City', 'United States', WEST],
  ['Pacific Crest Telecom', 'pacificcrest-tel.example', 'Telecommunications', 7800, 'Seattle', 'United States', WEST],
  ['Juniper Row Hospitality', 'juniperrow.example', 'Hospitality', 120, 'Las Vegas', 'United States', WEST],
  ['Vantage Point Education', 'vantagepoint-edu.example', 'Education', 540, 'Sacramento', 'United States', WEST],
  ['Halvorsen Maritime', 'halvorsen-maritime.example', 'Transportation', 3600, 'Oslo', 'Norway', 'EMEA'],
  ['Brightwater Utilities', 'brightwater-utilities.example', 'Utilities', 2900, 'Manchester', 'United Kingdom', 'EMEA'],
  ['Kleinfeld Automation', 'kleinfeld-automation.example', 'Manufacturing', 880, 'Stuttgart', 'Germany', 'EMEA'],
  ['Sorrento Fashion Group', 'sorrento-fashion.example', 'Retail', 1400, 'Milan', 'Italy', 'EMEA'],
  ['Oakhurst Consulting', 'oakhurst-consulting.example', 'Consulting', 210, 'London', 'United Kingdom', 'EMEA'],
  ['Veldhuis Agritech', 'veldhuis-agri.example', 'Agriculture', 130, 'Utrecht', 'Netherlands', 'EMEA'],
  ['Lumière Cosmetics', 'lumiere-cosmetics.example', 'Consumer Goods', 760, 'Lyon', 'France', 'EMEA'],
  ['Nordlicht Software', 'nordlicht.example', 'Technology', 340, 'Berlin', 'Germany', 'EMEA'],
  ['Castellan Bank', 'castellan-bank.example', 'Banking', 6100, 'Madrid', 'Spain', 'EMEA'],
  ['Fjordline Travel', 'fjordline-travel.example', 'Hospitality', 75, 'Copenhagen', 'Denmark', 'EMEA'],
];

/** The one account under legal hold (a litigation hold): agents may read it, never change it. */
export const LEGAL_HOLD_ACCOUNT = 'Halvorsen Maritime';

export function segmentOf(employees: number): Segment {
  if (employees >= 2_000) return 'Enterprise';
  return employees >= 200 ? 'Mid-Market' : 'SMB';
}

export function accountId(index: number): string {
  return sampleId('Account', index + 1);
}

export function accountOwner(index: number): string {
  const row = SAMPLE_ACCOUNTS[index];
  return row === undefined ? ownerFor('SMB', WEST) : ownerFor(segmentOf(row[3]), row[6]);
}

export function sampleAccounts(): NewCrmRecord[] {
  return SAMPLE_ACCOUNTS.map(([name, domain, industry, employees, city, country, territory], index) => {
    const onHold = name === LEGAL_HOLD_ACCOUNT;
    return {
      type: 'Account',
      id: accountId(index),
      fields: {
        Name: name, Website: `https://www.${domain}`, Industry: industry, NumberOfEmployees: employees,
        // Roughly $150k-$250k of revenue per employee, varied by position so no two look alike.
        AnnualRevenue: employees * (150_000 + (index % 5) * 25_000), BillingCity: city, BillingCountry: country,
        Type: index % 4 === 0 ? 'Customer' : 'Prospect', OwnerId: accountOwner(index), Segment__c: segmentOf(employees), Territory__c: territory,
        LegalHold__c: onHold,
        ...(onHold ? { Description: 'Litigation hold placed by Legal: do not modify this account or its contacts and opportunities.' } : {}),
      },
    };
  });
}
