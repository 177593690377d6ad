import type { WorkflowNode } from '../../src/engine/workflow/workflow-nodes.js';

interface Drawn {
  readonly entries: readonly string[];
  readonly exits: readonly string[];
}

/** A Mermaid flowchart of a workflow's tree: what runs, in what order, and where a person decides. */
export function workflowDiagram(root: WorkflowNode): string {
  const lines: string[] = ['flowchart TD', '  input(["input"])', '  output(["output"])'];
  const drawn = draw(root, root.id, lines);
  for (const entry of drawn.entries) lines.push(`  input --> ${entry}`);
  for (const exit of drawn.exits) lines.push(`  ${exit} --> output`);
  return lines.join('\n');
}

function idOf(key: string): string {
  return `n_${key.replace(/[^A-Za-z0-9]/g, '_')}`;
}

function label(text: string): string {
  return `"${text.replaceAll('"', "'")}"`;
}

function connect(from: readonly string[], to: readonly string[], lines: string[], edge = '-->'): void {
  for (const source of from) for (const target of to) lines.push(`  ${source} ${edge} ${target}`);
}

function draw(node: WorkflowNode, key: string, lines: string[]): Drawn {
  const id = idOf(key);
  switch (node.kind) {
    case 'step':
      lines.push(`  ${id}[${label(`${node.id}: ${node.agent.name}`)}]`);
      return { entries: [id], exits: [id] };
    case 'gate':
      lines.push(`  ${id}[/${label(`person decides: ${node.action}`)}/]`);
      return { entries: [id], exits: [id] };
    case 'effect':
      lines.push(`  ${id}[[${label(`effect: ${node.effect.name}`)}]]`);
      return { entries: [id], exits: [id] };
    case 'crmWrite':
      lines.push(`  ${id}[${label(`${node.id}: ${node.proposer.name} proposes`)}]`, `  ${id}_write[(${label(`CRM write, governed (${node.action})`)})]`, `  ${id} --> ${id}_write`);
      return { entries: [id], exits: [`${id}_write`] };
    case 'pipeline':
      return drawPipeline(node.stages, key, lines);
    case 'route':
      return drawRoute(node, key, lines);
    case 'fanOut': {
      lines.push(`  ${id}{{${label(`${node.id}: in parallel`)}}}`, `  ${id}_merge[${label(`merge: ${node.merge.name}`)}]`);
      for (const [name, branch] of Object.entries(node.branches)) {
        const inner = draw(branch, `${key}/${name}`, lines);
        connect([id], inner.entries, lines);
        connect(inner.exits, [`${id}_merge`], lines);
      }
      return { entries: [id], exits: [`${id}_merge`] };
    }
    case 'loop':
      lines.push(`  ${id}[${label(`${node.id}: ${node.producer.name}`)}]`, `  ${id}_critic{${label(`critic: ${node.critic.name}`)}}`, `  ${id} --> ${id}_critic`);
      lines.push(`  ${id}_critic -- ${label(`fails: rewrite, at most ${node.maxIterations} rounds`)} --> ${id}`);
      return { entries: [id], exits: [`${id}_critic`] };
    case 'voting':
      lines.push(`  ${id}{{${label(`${node.id}: vote`)}}}`, `  ${id}_judge[${label(`judge: ${node.judge.name}`)}]`);
      node.producers.forEach((producer, index) => {
        lines.push(`  ${id}_${index}[${label(producer.name)}]`, `  ${id} --> ${id}_${index}`, `  ${id}_${index} --> ${id}_judge`);
      });
      return { entries: [id], exits: [`${id}_judge`] };
    default: {
      // Node kinds added later still draw, as a box naming their kind.
      const other: { readonly id: string; readonly kind: string } = node;
      lines.push(`  ${id}[${label(`${other.id}: ${other.kind}`)}]`);
      return { entries: [id], exits: [id] };
    }
  }
}

function drawPipeline(stages: readonly WorkflowNode[], key: string, lines: string[]): Drawn {
  let entries: readonly string[] = [];
  let exits: readonly string[] = [];
  stages.forEach((stage, index) => {
    const inner = draw(stage, `${key}/${stage.id}`, lines);
    if (index === 0) entries = inner.entries;
    else connect(exits, inner.entries, lines);
    exits = inner.exits;
  });
  return { entries, exits };
}

function drawRoute(node: Extract<WorkflowNode, { kind: 'route' }>, key: string, lines: string[]): Drawn {
  const id = idOf(key);
  lines.push(`  ${id}{${label(`${node.id}: ${node.router.name}`)}}`, `  ${id}_review[/${label(`below ${node.threshold}: person picks (${node.reviewAction})`)}/]`, `  ${id} -.-> ${id}_review`);
  const exits: string[] = [];
  for (const [category, branch] of Object.entries(node.branches)) {
    if (branch === null) {
      lines.push(`  ${id}_${category}([${label('no action')}])`, `  ${id} -- ${category} --> ${id}_${category}`);
      exits.push(`${id}_${category}`);
      continue;
    }
    const inner = draw(branch, `${key}/${category}`, lines);
    connect([id], inner.entries, lines, `-- ${category} -->`);
    exits.push(...inner.exits);
  }
  return { entries: [id], exits };
}
