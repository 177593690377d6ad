import { McpError, ErrorCode, type GetPromptResult, type Prompt } from '@modelcontextprotocol/sdk/types.js';

interface PromptDefinition extends Prompt {
  readonly render: (arguments_: Readonly<Record<string, string>>) => string;
}

/** The common asks, as prompts a host offers its user: each names the tools to call and where a person decides. */
export function createPromptCatalog(workflowNames: ReadonlySet<string>) {
  const prompts: PromptDefinition[] = [
    {
      name: 'research-and-draft',
      title: 'Research an account and draft a cold sequence',
      description: 'Researches a company, then drafts a three-email cold sequence on its strongest signal; the sequence waits for approval.',
      arguments: [
        { name: 'domain', description: "The company's web domain, e.g. northwind-logistics.com", required: true },
        { name: 'company', description: "The company's name, if it differs from the domain", required: false },
      ],
      render: (input) =>
        [
          `Research the account ${input['company'] ?? input['domain'] ?? ''} (domain ${input['domain'] ?? ''}) with the research_account tool, input {"account":{"name":…,"domain":…}}.`,
          'Summarise the brief for me: snapshot, the strongest signals with their sources, and anything listed as missing.',
          'Then call write_cold_sequence with {"brief": <the brief research_account returned as output>}.',
          'If a tool returns a run handle instead of a result, follow it with get_run and waitSeconds.',
          'The sequence waits for approval: show me each email and the approval, and do not call decide_approval unless I tell you what to decide.',
        ].join('\n'),
    },
    {
      name: 'triage-replies',
      title: 'Triage inbound replies',
      description: 'Classifies inbound replies and drafts the right response to each; uncertain ones wait for a person.',
      arguments: [{ name: 'replies', description: 'The replies to triage, pasted as text (sender, subject and body for each)', required: false }],
      render: (input) =>
        [
          input['replies'] === undefined ? 'Help me triage the inbound replies I paste next.' : `Triage these inbound replies:\n\n${input['replies']}`,
          'For each reply, call handle_reply (it classifies and drafts a response; nothing is sent). Use classify_reply when I only want the category.',
          'Give me a table: sender, category, confidence, and the drafted response in one line.',
          'Replies below the confidence threshold wait for a person: list them with list_approvals and ask me which category is right before deciding.',
        ].join('\n'),
    },
    {
      name: 'morning-deal-review',
      title: 'Morning deal review',
      description: "Reviews open deals for risk and shows what waits for a decision and what failed since yesterday.",
      arguments: [],
      render: () =>
        [
          workflowNames.has('review_deals')
            ? 'Call review_deals to inspect the open pipeline, and summarise the deals at risk with the reasons and the suggested next step for each.'
            : 'There is no review_deals workflow on this server: skip the deal inspection and say so.',
          'Then list what waits for me with list_approvals, oldest first, with what each one is and its risk.',
          'Then call list_runs with status failed and list_dead_letters, and tell me what failed since yesterday and what I can retry.',
          'Do not decide approvals or retry anything until I say so.',
        ].join('\n'),
    },
  ];
  return {
    list: (): Prompt[] => prompts.map(({ render: _render, ...prompt }) => prompt),
    get(name: string, arguments_: Readonly<Record<string, string>> = {}): GetPromptResult {
      const prompt = prompts.find((candidate) => candidate.name === name);
      if (prompt === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt "${name}". Prompts: ${prompts.map((candidate) => candidate.name).join(', ')}.`);
      const missing = (prompt.arguments ?? []).filter((argument) => argument.required === true && (arguments_[argument.name] ?? '').trim() === '');
      if (missing.length > 0) throw new McpError(ErrorCode.InvalidParams, `Prompt ${name} needs ${missing.map((argument) => argument.name).join(', ')}.`);
      return { description: prompt.description, messages: [{ role: 'user', content: { type: 'text', text: prompt.render(arguments_) } }] };
    },
  };
}
