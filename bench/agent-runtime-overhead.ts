import { replyClassifier } from '../agents/reply-classifier/reply-classifier.js';
import { ReplyClassificationSchema, ReplyClassifierInputSchema } from '../agents/reply-classifier/reply-schemas.js';
import { createOfflineRunner } from '../test/support/offline-runner.js';
import type { Benchmark } from './benchmark-types.js';
import { createFigure } from './create-figure.js';
import { measureSideBySide } from './measure.js';
import { SAMPLE_REPLY } from './sample-reply.js';

/**
 * Measured at 15-20x (p50 ~0.024 ms against ~1.5 us of parsing) on the 2-core reference
 * machine. The ratio is large because the floor is tiny: besides the two parses the runner runs
 * the simulator, renders the input, arms a timeout signal and awaits a few promises. 30 leaves
 * room for noise while an extra ~20 us per call (a schema converted on every call again, a prompt
 * read from disk each time) crosses it.
 */
const RATIO_TARGET = 30;
export const agentRuntimeOverhead: Benchmark = {
  name: 'agent-runtime-overhead',
  description: 'reply-classifier through the real runner in offline mode vs zod-parsing its input and output',
  async run() {
    const { runner } = await createOfflineRunner();
    const first = await runner.run(replyClassifier, SAMPLE_REPLY);
    if (!first.ok) throw first.error;
    const output = first.output;
    const timings = await measureSideBySide(
      {
        runner: async () => {
          const result = await runner.run(replyClassifier, SAMPLE_REPLY);
          if (!result.ok) throw result.error;
        },
        parse: () => {
          ReplyClassifierInputSchema.parse({ reply: SAMPLE_REPLY.reply });
          ReplyClassificationSchema.parse(output);
        },
      },
      // 20 calls per sample: one parse takes about a microsecond, too short to time alone.
      { warmup: 500, iterations: 300, batch: 20, budgetMs: 4_000 },
    );
    return [
      createFigure({
        name: 'runner p50 per call',
        value: timings.runner.p50,
        unit: 'ms',
        baseline: { name: 'zod parse of input and output p50', value: timings.parse.p50 },
        target: { op: '<=', value: RATIO_TARGET, of: 'ratio' },
      }),
      createFigure({ name: 'runner p99 per call', value: timings.runner.p99, unit: 'ms', baseline: { name: 'zod parse p99', value: timings.parse.p99 } }),
      createFigure({ name: 'runner overhead beyond the parse, p50', value: timings.runner.p50 - timings.parse.p50, unit: 'ms' }),
    ];
  },
};
