import type { ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { WorkflowDefinition } from '../../src/engine/workflow/define-workflow.js';

export interface WorkflowTraits {
  /** Review actions a person decides on every time (gates) or may be asked to (CRM writes). */
  readonly approvals: readonly string[];
  readonly writesCrm: boolean;
  /** Effects reach systems outside Baton (alert channels, the CRM, schedulers). */
  readonly effects: readonly string[];
}

/** What a workflow can do, read from its tree: the tool's annotations and description must not claim more or less. */
export function workflowTraits(workflow: WorkflowDefinition): WorkflowTraits {
  const nodes = [...workflow.shapes.values()].map((shape) => shape.node);
  // Every node kind that writes to the CRM is named crm…, and every node that asks a person carries its action.
  const kinds = (node: { readonly kind: string }) => node.kind;
  return {
    approvals: [...new Set(nodes.flatMap((node) => ((node.kind === 'gate' || kinds(node).startsWith('crm')) && 'action' in node && typeof node.action === 'string' ? [node.action] : [])))],
    writesCrm: nodes.some((node) => kinds(node).startsWith('crm')),
    effects: [...new Set(nodes.flatMap((node) => (node.kind === 'effect' ? [node.effect.name] : [])))],
  };
}

/**
 * Read-only: nothing changes outside Baton's own run records (asking a person to decide is not a
 * change). Destructive: it can overwrite CRM fields. Never idempotent: every call is a new run
 * that spends tokens. Open world: it reaches systems beyond Baton and its model.
 */
export function workflowAnnotations(workflow: WorkflowDefinition, traits: WorkflowTraits): ToolAnnotations {
  const external = traits.writesCrm || traits.effects.length > 0;
  return { title: titleOf(workflow.name), readOnlyHint: !external, destructiveHint: traits.writesCrm, idempotentHint: false, openWorldHint: external };
}

export function titleOf(name: string): string {
  const words = name.split(/[_-]/).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
