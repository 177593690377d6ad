import { toJsonSchema } from '../../contracts/to-json-schema.js';
import type { WorkflowDefinition } from '../../engine/workflow/define-workflow.js';
import { printJson, printLine } from '../cli-io.js';
import { EXIT, type CliCommand } from '../cli-command.js';
import { expectPositionals, parseCliArgs } from '../parse-cli-args.js';

export interface WorkflowDescription {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
  /** Every node's key, as step rows and approvals name them: `sequence/qa`, `sequence/approve`. */
  readonly nodes: readonly string[];
}

export function describeWorkflow(workflow: WorkflowDefinition): WorkflowDescription {
  return {
    name: workflow.name,
    version: workflow.version,
    description: workflow.description,
    inputSchema: toJsonSchema(workflow.input, 'input'),
    nodes: [...workflow.shapes.keys()],
  };
}

export const workflowsCommand: CliCommand = {
  name: 'workflows',
  usage: 'baton workflows [--json]',
  summary: 'List workflows with their version, description, input schema and node keys',
  help: 'Prints every workflow Baton ships (the newest version of each). With --json, prints them with their input JSON Schemas.',
  async run(args, context) {
    const { values, positionals } = parseCliArgs(args, { json: { type: 'boolean', default: false } }, this.usage);
    expectPositionals(positionals, 0, this.usage);
    const baton = await context.baton();
    const workflows = baton.workflows.list().map(describeWorkflow);
    if (values.json) {
      printJson(context.io, workflows);
      return EXIT.ok;
    }
    for (const workflow of workflows) {
      const properties = (workflow.inputSchema['properties'] ?? {}) as Record<string, unknown>;
      const required = new Set((workflow.inputSchema['required'] ?? []) as string[]);
      printLine(context.io, `${workflow.name}@${workflow.version}`);
      printLine(context.io, `  ${workflow.description}`);
      printLine(context.io, `  input:  ${Object.keys(properties).map((field) => (required.has(field) ? field : `${field}?`)).join(', ')}`);
      printLine(context.io, `  nodes:  ${workflow.nodes.join(', ')}`);
      printLine(context.io);
    }
    return EXIT.ok;
  },
};
