import { describe, expect, it } from 'vitest';
import { toMessageParams, WEB_SEARCH_TOOL_TYPE } from './anthropic-request.js';
import type { TransportRequest } from './model-types.js';

const OUTPUT_SCHEMA = { type: 'object', properties: { summary: { type: 'string' } }, required: ['summary'] };

function request(overrides: Partial<TransportRequest> = {}): TransportRequest {
  return {
    agent: 'funding-research',
    model: 'claude-sonnet-5-5',
    system: 'Research funding.',
    transcript: [{ role: 'user', text: 'Acme, acme.com' }],
    tool: { name: 'submit_funding_research', description: 'Submit the answer.', inputSchema: OUTPUT_SCHEMA },
    maxOutputTokens: 2048,
    timeoutMs: 60_000,
    simulate: () => ({}),
    ...overrides,
  };
}

describe('toMessageParams', () => {
  it('forces the output tool and sends no server tool when the agent does not search', () => {
    const params = toMessageParams(request());
    expect(params.tools).toEqual([{ name: 'submit_funding_research', description: 'Submit the answer.', input_schema: OUTPUT_SCHEMA }]);
    expect(params.tool_choice).toEqual({ type: 'tool', name: 'submit_funding_research' });
  });

  it('sends the web search server tool beside the output tool and lets the model choose, so it can search first', () => {
    const params = toMessageParams(request({ webSearch: { maxUses: 4, allowedDomains: ['sec.gov', 'example.com/news'] } }));
    expect(params.tools).toEqual([
      { name: 'submit_funding_research', description: 'Submit the answer.', input_schema: OUTPUT_SCHEMA },
      { type: WEB_SEARCH_TOOL_TYPE, name: 'web_search', max_uses: 4, allowed_domains: ['sec.gov', 'example.com/news'] },
    ]);
    expect(WEB_SEARCH_TOOL_TYPE).toBe('web_search_20250305');
    expect(params.tool_choice).toEqual({ type: 'auto' });
    expect(params.system).toEqual([{ type: 'text', text: 'Research funding.', cache_control: { type: 'ephemeral' } }]);
  });

  it('leaves allowed_domains out when the agent may search everywhere', () => {
    const params = toMessageParams(request({ webSearch: { maxUses: 2 } }));
    expect(params.tools?.[1]).toEqual({ type: 'web_search_20250305', name: 'web_search', max_uses: 2 });
  });

  it('replays the prose before a rejected tool call, and a paused turn unchanged', () => {
    const paused = [{ type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'acme funding' } }];
    const params = toMessageParams(
      request({
        transcript: [
          { role: 'user', text: 'Acme' },
          { role: 'assistant_content', content: paused },
          { role: 'assistant_tool_use', toolUseId: 'toolu_1', input: {}, text: 'Acme raised a Series B.' },
          { role: 'tool_error', toolUseId: 'toolu_1', text: 'Call the tool.' },
        ],
      }),
    );
    expect(params.messages[1]).toEqual({ role: 'assistant', content: paused });
    expect(params.messages[2]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Acme raised a Series B.' },
        { type: 'tool_use', id: 'toolu_1', name: 'submit_funding_research', input: {} },
      ],
    });
  });

  it('sends no empty text block when the model wrote no prose', () => {
    const params = toMessageParams(request({ transcript: [{ role: 'user', text: 'Acme' }, { role: 'assistant_tool_use', toolUseId: 'toolu_1', input: {}, text: '  ' }] }));
    expect(params.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'submit_funding_research', input: {} }] });
  });
});
