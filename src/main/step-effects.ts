import type { ResearchSource } from '../../agents/research-sources/research-source.js';
import type { EventBus } from '../../queues/events/index.js';
import type { OpenedCrm } from './open-crm.js';
import type { StepEffect } from '../engine/runtime/step-effects.js';
import { createAlertEffects } from './alert-effects.js';
import { createCrmEffects } from './crm-effects.js';
import { createOpenPipelineEffect } from './open-pipeline-effect.js';
import { createFollowUpEffects } from './follow-up-effects.js';
import { createCrmResearchSource } from './crm-research-source.js';
import { createResearchSourceEffects } from './research-source-effects.js';
import { createRepRosterEffect } from './rep-roster-effect.js';

export interface StepEffectPorts {
  readonly crm: OpenedCrm;
  readonly events: EventBus;
  /** Data sources account research consults besides the CRM (an enrichment provider, a warehouse). */
  readonly researchSources?: readonly ResearchSource[];
}

/** Every named effect a workflow step may run, bound to this process's CRM and event bus. */
export function createStepEffects(ports: StepEffectPorts): Readonly<Record<string, StepEffect>> {
  return {
    ...createCrmEffects(ports.crm.changeSets),
    ...createAlertEffects(ports.events),
    ...createOpenPipelineEffect(ports.crm.crm),
    ...createFollowUpEffects(ports.events),
    ...createResearchSourceEffects([createCrmResearchSource(ports.crm.crm), ...(ports.researchSources ?? [])]),
    ...createRepRosterEffect(ports.crm.crm),
  };
}
