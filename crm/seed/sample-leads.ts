import type { NewCrmRecord } from '../embedded/index.js';
import { sampleId } from './sample-ids.js';
import { REP_COUNT, userId } from './sample-users.js';

/** [first, last, company, domain, title, industry, employees, country, source, status] */
type LeadRow = readonly [string, string, string, string, string, string, number, string, string, string];

const NEW = 'Open - Not Contacted';
const WORKING = 'Working - Contacted';

export const SAMPLE_LEADS: readonly LeadRow[] = [
  ['Rachel', 'Ng', 'Brightpath Learning', 'brightpath-learning.example', 'VP of Sales', 'Education', 320, 'United States', 'Web', NEW],
  ['Tobias', 'Keller', 'Alpenglow Systems', 'alpenglow.example', 'Head of Sales Operations', 'Technology', 150, 'Switzerland', 'Webinar', WORKING],
  ['Maya', 'Goldberg', 'Stonebridge Realty', 'stonebridge-realty.example', 'Chief Revenue Officer', 'Real Estate', 890, 'United States', 'Trade Show', NEW],
  ['Kofi', 'Mensah', 'Greenleaf Logistics', 'greenleaf-logistics.example', 'Director of Sales', 'Transportation', 2400, 'United Kingdom', 'Partner Referral', WORKING],
  ['Lauren', 'Price', 'Copperline Dental', 'copperline-dental.example', 'Operations Manager', 'Healthcare', 60, 'United States', 'Web', NEW],
  ['Anders', 'Holm', 'Skagen Wind', 'skagen-wind.example', 'Commercial Director', 'Energy', 1100, 'Denmark', 'Outbound', WORKING],
  ['Priyanka', 'Iyer', 'Meridian Clinical', 'meridian-clinical.example', 'VP of Marketing', 'Healthcare', 540, 'United States', 'Webinar', NEW],
  ['Gabriel', 'Santos', 'Atlas Fintech', 'atlas-fintech.example', 'Head of Growth', 'Financial Services', 230, 'Portugal', 'Web', WORKING],
  ['Emily', 'Foster', 'Riverstone Hotels', 'riverstone-hotels.example', 'Director of Revenue', 'Hospitality', 1700, 'United States', 'Trade Show', NEW],
  ['Jakub', 'Wozniak', 'Vistula Components', 'vistula-components.example', 'Sales Director', 'Manufacturing', 480, 'Poland', 'Outbound', NEW],
  ['Sienna', 'Clarke', 'Harvest Table', 'harvest-table.example', 'Founder & CEO', 'Food & Beverage', 35, 'United States', 'Web', WORKING],
  ['Omar', 'Farouk', 'Crescent Telecom', 'crescent-telecom.example', 'VP of Enterprise Sales', 'Telecommunications', 3900, 'United Arab Emirates', 'Partner Referral', NEW],
  ['Julia', 'Hoffmann', 'Rheinwerk Pharma', 'rheinwerk-pharma.example', 'Head of Commercial Excellence', 'Biotechnology', 1250, 'Germany', 'Webinar', WORKING],
  ['Marco', 'DeLuca', 'Summit Ridge Construction', 'summitridge-build.example', 'Director of Business Development', 'Construction', 610, 'United States', 'Outbound', 'Closed - Not Converted'],
  ['Ava', 'Thompson', 'Lighthouse Nonprofit Network', 'lighthouse-network.example', 'Development Director', 'Nonprofit', 90, 'Canada', 'Web', NEW],
];

export function sampleLeads(): NewCrmRecord[] {
  return SAMPLE_LEADS.map(([first, last, company, domain, title, industry, employees, country, source, status], index) => ({
    type: 'Lead',
    id: sampleId('Lead', index + 1),
    fields: {
      FirstName: first, LastName: last, Name: `${first} ${last}`, Company: company, Website: `https://www.${domain}`,
      Email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}@${domain}`, Title: title, Industry: industry,
      NumberOfEmployees: employees, Country: country, LeadSource: source, Status: status, OwnerId: userId(index % REP_COUNT), HasOptedOutOfEmail: false,
    },
  }));
}
