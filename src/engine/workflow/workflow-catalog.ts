import { BatonError } from '../../errors/index.js';
import type { WorkflowDefinition } from './define-workflow.js';

export interface WorkflowCatalog {
  /** The newest version of each workflow. */
  list(): readonly WorkflowDefinition[];
  /** A named version (what a run started with), or the newest when no version is given. */
  get(name: string, version?: string): WorkflowDefinition;
}

/** Every version stays loadable, so a run resumes with the definition it started with. */
export function createWorkflowCatalog(definitions: readonly WorkflowDefinition[]): WorkflowCatalog {
  const byName = new Map<string, Map<string, WorkflowDefinition>>();
  for (const definition of definitions) {
    const versions = byName.get(definition.name) ?? new Map<string, WorkflowDefinition>();
    if (versions.has(definition.version)) throw new BatonError('config_invalid', `Workflow ${definition.name}@${definition.version} is defined twice.`);
    versions.set(definition.version, definition);
    byName.set(definition.name, versions);
  }
  const newest = (versions: Map<string, WorkflowDefinition>) => [...versions.values()].at(-1);
  return {
    list: () => [...byName.values()].flatMap((versions) => newest(versions) ?? []),
    get(name, version) {
      const versions = byName.get(name);
      const found = versions === undefined ? undefined : version === undefined ? newest(versions) : versions.get(version);
      if (found !== undefined) return found;
      const known = [...byName.keys()].join(', ');
      throw new BatonError('not_found', versions === undefined ? `No workflow named "${name}". Workflows: ${known}.` : `Workflow ${name} has no version ${version ?? ''}.`, {
        details: { workflow: name, version },
      });
    },
  };
}
