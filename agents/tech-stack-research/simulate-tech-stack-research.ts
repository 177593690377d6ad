import { createSeededRandom, daysBefore, isUnknownCompany, simulated, simulatedSource, type SeededRandom } from '../funding-research/research-simulation.js';
import type { IntegrationPoint, StackCategory, StackChange, StackTool, TechStackResearch, TechStackResearchInput } from './tech-stack-schemas.js';

interface Product {
  readonly vendor: string;
  readonly product?: string;
}

/** Real, common products: a simulated stack should look like a real one, while every source says `simulated`. */
const CATALOG: Readonly<Partial<Record<StackCategory, readonly Product[]>>> = {
  crm: [{ vendor: 'Salesforce', product: 'Sales Cloud' }, { vendor: 'HubSpot', product: 'Sales Hub' }, { vendor: 'Pipedrive' }],
  marketing_automation: [{ vendor: 'HubSpot', product: 'Marketing Hub' }, { vendor: 'Adobe', product: 'Marketo Engage' }, { vendor: 'Salesforce', product: 'Account Engagement' }],
  sales_engagement: [{ vendor: 'Outreach' }, { vendor: 'Salesloft' }, { vendor: 'Apollo.io' }],
  conversation_intelligence: [{ vendor: 'Gong' }, { vendor: 'Avoma' }],
  data_enrichment: [{ vendor: 'ZoomInfo' }, { vendor: 'Cognism' }],
  data_warehouse: [{ vendor: 'Snowflake' }, { vendor: 'Google', product: 'BigQuery' }, { vendor: 'Databricks' }],
  data_integration: [{ vendor: 'Fivetran' }, { vendor: 'Airbyte' }],
  customer_support: [{ vendor: 'Zendesk' }, { vendor: 'Intercom' }],
};
const EVIDENCE: Readonly<Partial<Record<StackCategory, string>>> = {
  crm: 'Named as the system of record in a Sales Operations job posting',
  marketing_automation: 'Tracking script found on the company website',
  data_warehouse: 'Listed as required experience in a data engineering posting',
  data_integration: 'Mentioned in an engineering blog post about the data pipeline',
};
const OPTIONAL_CATEGORIES = (Object.keys(CATALOG) as StackCategory[]).filter((category) => category !== 'crm');

/** Offline stand-in for technology research: a CRM always, a few more categories, maybe a recent swap. */
export function simulateTechStackResearch(input: TechStackResearchInput): TechStackResearch {
  const { domain } = input.account;
  if (isUnknownCompany(domain)) return { stack: [], recentChanges: [], integrationPoints: [], sources: [simulatedSource(0.4)], confidence: 0.4 };
  const random = createSeededRandom(`tech-stack-research:${domain}`);
  const categories: StackCategory[] = ['crm', ...random.sample(OPTIONAL_CATEGORIES, random.integer(3, 6))];
  const stack = categories.map((category) => toolOf(category, random.pick(CATALOG[category] ?? []), random.integer(5, 200)));
  return {
    stack,
    recentChanges: simulateChanges(random, stack),
    integrationPoints: integrationsOf(stack),
    sources: [simulatedSource(0.65)],
    confidence: 0.65,
  };
}

function toolOf(category: StackCategory, product: Product, daysAgo: number): StackTool {
  const evidence = EVIDENCE[category] ?? 'Named in a job posting';
  return { category, ...product, evidence: simulated(evidence), sources: [simulatedSource(0.7, daysAgo)] };
}

/** Sometimes one tool was added recently, half the time replacing a rival in the same category. */
function simulateChanges(random: SeededRandom, stack: readonly StackTool[]): StackChange[] {
  const candidates = stack.filter((tool) => tool.category !== 'crm');
  if (candidates.length === 0 || !random.chance(0.6)) return [];
  const added = random.pick(candidates);
  const daysAgo = random.integer(20, 300);
  const change = (kind: StackChange['change'], vendor: string, evidence: string): StackChange => ({
    change: kind, category: added.category, vendor, date: daysBefore(daysAgo), evidence: simulated(evidence), sources: [simulatedSource(0.6, daysAgo)],
  });
  const rivals = (CATALOG[added.category] ?? []).filter((product) => product.vendor !== added.vendor);
  const changes = [change('added', added.vendor, `${added.vendor} first appears in job postings around this date`)];
  if (rivals.length > 0 && random.chance(0.5)) {
    const replaced = random.pick(rivals).vendor;
    changes.push(change('removed', replaced, `${replaced} disappears from job postings as ${added.vendor} appears`));
  }
  return changes;
}

function integrationsOf(stack: readonly StackTool[]): IntegrationPoint[] {
  const vendorIn = (category: StackCategory) => stack.find((tool) => tool.category === category)?.vendor;
  const [crm, marketing, engagement, warehouse, pipeline] = (['crm', 'marketing_automation', 'sales_engagement', 'data_warehouse', 'data_integration'] as const).map(vendorIn);
  if (crm === undefined) return [];
  const link = (systems: string[], summary: string): IntegrationPoint => ({ systems, summary: simulated(summary), sources: [simulatedSource(0.55)] });
  return [
    marketing !== undefined && marketing !== crm ? link([crm, marketing], `Leads sync from ${marketing} into ${crm}.`) : undefined,
    engagement === undefined ? undefined : link([engagement, crm], `${engagement} logs sales activity back to ${crm}.`),
    warehouse !== undefined && pipeline !== undefined ? link([pipeline, crm, warehouse], `${pipeline} loads ${crm} data into ${warehouse}.`) : undefined,
  ].filter((point): point is IntegrationPoint => point !== undefined);
}
