/**
 * The user turn of an agent call. The input is fenced as data: whatever a reply or a web page
 * says inside it is content to analyse, never instructions (the prompts say so too).
 */
export function renderAgentInput(input: unknown): string {
  return ['<input>', JSON.stringify(input, null, 2), '</input>', 'Analyse the input above and answer by calling the tool.'].join('\n');
}
