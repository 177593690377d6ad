import type { OpenDeal } from '../../src/contracts/open-pipeline.js';
import { formatAmount, formatPercent, quarterOf } from '../deal-inspector/deal-dates.js';
import type { DealForecast } from '../deal-forecaster/deal-forecaster-schemas.js';
import type { CompRuleFinding } from './comp-auditor-schemas.js';

/** A forecast this many points under the CRM's probability means the CRM overstates weighted pipeline. */
export const OVERSTATEMENT_POINTS = 0.2;

/**
 * What the comp plan's inputs get wrong on one flagged deal: the deal type (Expansion and New
 * Business pay different rates), the quarter the booking lands in, the weighted amount the CRM
 * still counts, and a missing amount.
 */
export function compRuleFindings(deal: OpenDeal, forecast: DealForecast | undefined): CompRuleFinding[] {
  return [...typeFindings(deal), ...amountFindings(deal, forecast), ...quarterFindings(deal, forecast)];
}

function typeFindings(deal: OpenDeal): CompRuleFinding[] {
  const accountType = deal.account.type;
  if (accountType === null || deal.type === null) return [];
  const customer = accountType.toLowerCase() === 'customer';
  if (deal.type.toLowerCase() === 'expansion' && !customer) {
    return [{ basis: 'rule', kind: 'deal_type_mismatch', detail: `Booked as Expansion, but ${deal.account.name} is a ${accountType}, not a customer: expansion rates would be paid on new business.` }];
  }
  if (deal.type.toLowerCase() === 'new business' && customer) {
    return [{ basis: 'rule', kind: 'deal_type_mismatch', detail: `Booked as New Business, but ${deal.account.name} is already a customer: new-logo rates would be paid on an expansion.` }];
  }
  return [];
}

function amountFindings(deal: OpenDeal, forecast: DealForecast | undefined): CompRuleFinding[] {
  if (deal.amount === null || deal.amount <= 0) return [{ basis: 'rule', kind: 'amount_missing', detail: 'The opportunity has no positive amount, so its payout cannot be calculated.' }];
  const previous = forecast?.previousProbability ?? null;
  if (forecast === undefined || previous === null || previous - forecast.winProbability < OVERSTATEMENT_POINTS) return [];
  return [{
    basis: 'rule',
    kind: 'weighted_amount_overstated',
    detail: `The CRM weights ${formatAmount(deal.amount)} at ${formatPercent(previous)} (${formatAmount(forecast.previousWeightedAmount)}); the forecast says ${formatPercent(forecast.winProbability)} (${formatAmount(forecast.weightedAmount)}).`,
  }];
}

function quarterFindings(deal: OpenDeal, forecast: DealForecast | undefined): CompRuleFinding[] {
  if (forecast === undefined || deal.closeDate === null) return [];
  const booked = quarterOf(deal.closeDate);
  const expected = quarterOf(forecast.expectedCloseDate);
  if (booked === expected) return [];
  return [{ basis: 'rule', kind: 'close_quarter_changed', detail: `The close moves from ${booked} (${deal.closeDate}) to ${expected} (${forecast.expectedCloseDate}): the booking and its commission fall in another quarter.` }];
}
