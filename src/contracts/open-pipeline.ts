import { z } from 'zod';
import { TimeZoneSchema } from '../settings/time-zone.js';
import { defineEffect } from './effect-contract.js';

const ChannelSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'expected a channel name such as deal-desk');
const IdSchema = z.string().min(1).max(64);
const DateSchema = z.iso.date('expected a date as YYYY-MM-DD');

/** What a deal review is asked to do: the day it reviews, and the thresholds and channels it uses. */
export const ReviewDealsInputSchema = z.object({
  /** The team's time zone: "today" for close dates and activity is its calendar day, not UTC's. */
  timeZone: TimeZoneSchema.default('UTC'),
  /** The day under review; defaults to today in `timeZone` when the pipeline is read. */
  asOf: DateSchema.optional(),
  /** A deal with no activity for this many days or more is stalled. */
  stalledAfterDays: z.number().int().min(1).max(365).default(30),
  /** Where the roll-up goes for deals whose owner has no manager, or when there are no open deals. */
  rollupChannel: ChannelSchema.default('sales-leadership'),
  /** Where the comp audit's findings go. */
  compAuditChannel: ChannelSchema.default('deal-desk'),
});
export type ReviewDealsInput = z.infer<typeof ReviewDealsInputSchema>;

/** Where a fact came from, when, and how sure: the shape of agents' provenance, kept here for the core. */
const PipelineSourceSchema = z.object({ source: z.string().min(1).max(500), observedAt: z.string().max(40).optional(), confidence: z.number().min(0).max(1) });

/** The review's settings as resolved at read time, carried to every agent of the review. */
export const DealReviewSchema = z.object({
  asOf: DateSchema,
  timeZone: z.string().min(1),
  stalledAfterDays: z.number().int().min(1).max(365),
  rollupChannel: ChannelSchema,
  compAuditChannel: ChannelSchema,
  /** The CRM the deals were read from (`embedded-crm`, `salesforce`) and when. */
  source: PipelineSourceSchema,
});
export type DealReview = z.infer<typeof DealReviewSchema>;

export const DealContactSchema = z.object({ id: IdSchema, name: z.string().min(1).max(200), title: z.string().max(200).nullable() });
export type DealContact = z.infer<typeof DealContactSchema>;

/** One open opportunity with what a review needs around it: its account, contacts, owner and the owner's manager. */
export const OpenDealSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(255),
  stage: z.string().min(1).max(100),
  amount: z.number().nullable(),
  /** The CRM's stage probability, 0 to 100. */
  probability: z.number().min(0).max(100).nullable(),
  closeDate: DateSchema.nullable(),
  /** `New Business`, `Expansion`, …; commission rates differ by type. */
  type: z.string().max(100).nullable(),
  nextStep: z.string().max(500).nullable(),
  lastActivityDate: DateSchema.nullable(),
  account: z.object({ id: IdSchema, name: z.string().min(1).max(255), type: z.string().max(100).nullable() }),
  owner: z.object({ id: IdSchema, name: z.string().min(1).max(200), managerId: IdSchema.nullable(), managerName: z.string().max(200).nullable() }),
  contacts: z.array(DealContactSchema).max(200),
});
export type OpenDeal = z.infer<typeof OpenDealSchema>;

export const OpenPipelineSchema = z.object({ review: DealReviewSchema, deals: z.array(OpenDealSchema).max(2_000) });
export type OpenPipeline = z.infer<typeof OpenPipelineSchema>;

export const crmOpenPipeline = defineEffect({
  name: 'crm.open_pipeline',
  description: 'Reads every open opportunity with its account, the account\'s contacts, the owner and the owner\'s manager, from the configured CRM.',
  input: ReviewDealsInputSchema,
  output: OpenPipelineSchema,
});
