import { z } from 'zod';
import { toJsonSchema } from '../../src/contracts/to-json-schema.js';
import { defineTool, type ToolDefinition } from './tool-definition.js';

const DeadLetterSchema = z.object({
  deadLetterId: z.string(),
  runId: z.string().nullable(),
  stepId: z.string().nullable(),
  source: z.string().describe('What failed: a step, a change set, an event'),
  reason: z.object({ code: z.string(), message: z.string() }),
  payload: z.unknown(),
  status: z.enum(['open', 'retried', 'discarded']),
  createdAt: z.string(),
});
const DeadLetterListSchema = z.object({ deadLetters: z.array(DeadLetterSchema) });

export function deadLetterTools(): ToolDefinition[] {
  return [
    defineTool({
      name: 'list_dead_letters',
      title: 'List dead letters',
      description: 'Lists items that failed for good (a step out of attempts, an invalid CRM change), newest first, with what failed, its input and the error. A step failure can be restarted with retry_run on its runId.',
      input: z.object({ status: z.enum(['open', 'retried', 'discarded']).default('open'), limit: z.number().int().min(1).max(100).default(20) }),
      outputSchema: toJsonSchema(DeadLetterListSchema),
      annotations: { title: 'List dead letters', readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
      handle: async (input, call) => {
        const letters = await call.ports.engine.listDeadLetters({ status: input.status, limit: input.limit });
        const deadLetters = letters.map((letter) => ({ deadLetterId: letter.id, runId: letter.runId, stepId: letter.stepId, source: letter.source, reason: letter.reason, payload: letter.payload ?? null, status: letter.status, createdAt: letter.createdAt }));
        const lines = deadLetters.map((letter) => `${letter.deadLetterId}  ${letter.source}  ${letter.reason.code}: ${letter.reason.message}${letter.runId === null ? '' : `  run ${letter.runId}`}`);
        return { content: [{ type: 'text', text: `${deadLetters.length} ${input.status} dead letter(s)\n${lines.join('\n')}` }], structuredContent: { deadLetters } };
      },
    }),
  ];
}
