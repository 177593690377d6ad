import type { ApprovalView } from '../../src/engine/approvals/approval-queries.js';
import type { WorkflowNode } from '../../src/engine/workflow/workflow-nodes.js';
import type { Step } from '../../src/store/index.js';
import { html, type SafeHtml } from '../html.js';

export interface GraphRecords {
  readonly steps: readonly Step[];
  readonly approvals: readonly ApprovalView[];
}

/**
 * The workflow's tree drawn as boxes, each coloured by what the run recorded under its key.
 * Keys follow the planner's: a pipeline stage is `<key>/<stage id>`, a fan-out branch
 * `<key>/<branch>`, a loop round `<key>/<n>/producer`; so the picture is the definition, and the
 * colours are the store.
 */
export function workflowGraph(root: WorkflowNode, records: GraphRecords): SafeHtml {
  return html`<div class="graph" id="graph">${drawNode(root, root.id, records)}</div>`;
}

function drawNode(node: WorkflowNode, key: string, records: GraphRecords): SafeHtml {
  switch (node.kind) {
    case 'step':
      return box(key, node.agent.name, records, node.minConfidence === undefined ? [key] : [key, `${key}/review`]);
    case 'pipeline':
      return group(key, 'pipeline', false, node.stages.map((stage, index) => html`${index > 0 ? html`<span class="arrow">→</span>` : ''}${drawNode(stage, `${key}/${stage.id}`, records)}`));
    case 'route':
      return group(key, `route (below ${node.threshold} a person picks)`, false, [
        box(`${key}/router`, node.router.name, records, [`${key}/router`, `${key}/review`]),
        html`<span class="arrow">→</span>`,
        group(key, 'branches', true, Object.entries(node.branches).map(([category, branch]) => (branch === null ? html`<div class="node not-reached"><div class="label">${category}</div>no action</div>` : drawNode(branch, `${key}/${category}`, records)))),
      ]);
    case 'fanOut':
      return group(key, 'fan-out (in parallel)', false, [
        group(key, 'branches', true, Object.entries(node.branches).map(([name, branch]) => drawNode(branch, `${key}/${name}`, records))),
        html`<span class="arrow">→</span>`,
        box(`${key}/merge`, node.merge.name, records, [`${key}/merge`]),
      ]);
    case 'loop':
      return group(key, `loop (up to ${node.maxIterations} rounds)`, false, [
        box(`${key}/producer`, node.producer.name, records, matching(records, new RegExp(`^${escapeRegExp(key)}/\\d+/producer$`))),
        html`<span class="arrow">⇄</span>`,
        box(`${key}/critic`, node.critic.name, records, matching(records, new RegExp(`^${escapeRegExp(key)}/\\d+/critic$`))),
        box(`${key}/escalation`, 'escalation', records, [`${key}/escalation`]),
      ]);
    case 'gate':
      return box(key, `gate: ${node.action}`, records, [key]);
    case 'voting':
      return group(key, 'voting', false, [
        group(key, 'candidates', true, node.producers.map((producer, index) => box(`${key}/candidate-${index + 1}`, producer.name, records, [`${key}/candidate-${index + 1}`]))),
        html`<span class="arrow">→</span>`,
        box(`${key}/judge`, node.judge.name, records, [`${key}/judge`]),
      ]);
    case 'crmWrite':
    case 'crmRecord':
    case 'effect':
      return box(key, node.kind === 'crmWrite' ? `CRM write: ${node.proposer.name}` : node.kind === 'effect' ? `effect: ${node.effect.name}` : `CRM record: ${node.actor}`, records, underKey(records, key));
    default:
      // A node kind this page does not draw yet still shows what ran under its key.
      return box(key, (node as { readonly kind: string }).kind, records, underKey(records, key));
  }
}

function underKey(records: GraphRecords, key: string): string[] {
  return matching(records, new RegExp(`^${escapeRegExp(key)}(/|$)`));
}

function group(key: string, label: string, column: boolean, children: readonly SafeHtml[]): SafeHtml {
  return html`<div class="group${column ? ' column' : ''}" data-node="${key}"><div class="label">${label}</div>${children}</div>`;
}

function box(key: string, label: string, records: GraphRecords, keys: readonly string[]): SafeHtml {
  const status = statusOf(records, keys);
  const rounds = new Set(records.steps.filter((step) => keys.includes(step.name)).map((step) => step.name)).size;
  return html`<div class="node ${status}" data-step-key="${key}" data-status="${status}"><div class="label">${key}</div>${label}<br><small>${status.replaceAll('_', ' ')}${rounds > 1 ? ` · ${rounds} rounds` : ''}</small></div>`;
}

/** The worst news first: a failure, then work still moving, then a wait for a person, then done. */
function statusOf(records: GraphRecords, keys: readonly string[]): string {
  const latest = keys.flatMap((key) => {
    const attempts = records.steps.filter((step) => step.name === key).sort((left, right) => right.attempt - left.attempt);
    return attempts[0] === undefined ? [] : [attempts[0].status];
  });
  const approvals = records.approvals.filter((approval) => keys.includes(approval.key)).map((approval) => (approval.status === 'pending' ? 'waiting_for_human' : approval.status === 'rejected' || approval.status === 'expired' ? 'failed' : 'succeeded'));
  const all = [...latest, ...approvals];
  for (const status of ['failed', 'running', 'pending', 'waiting_for_human', 'cancelled']) if ((all as readonly string[]).includes(status)) return status;
  return all.length === 0 ? 'not-reached' : 'succeeded';
}

function matching(records: GraphRecords, pattern: RegExp): string[] {
  return [...new Set([...records.steps.map((step) => step.name), ...records.approvals.map((approval) => approval.key)].filter((name) => pattern.test(name)))];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
