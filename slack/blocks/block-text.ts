/** Text as Slack shows it: bounded to a block's limit, with mrkdwn's control characters escaped. */

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Slack mrkdwn treats &, < and > as markup: user and model text must not become links or mentions. */
export function escapeMarkdown(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function plain(text: string, max = 3_000) {
  return { type: 'plain_text' as const, text: truncate(text === '' ? ' ' : text, max) };
}

export function markdown(text: string, max = 3_000) {
  return { type: 'mrkdwn' as const, text: truncate(text === '' ? ' ' : text, max) };
}

export function section(text: string) {
  return { type: 'section' as const, text: markdown(text) };
}

export function context(...texts: string[]) {
  return { type: 'context' as const, elements: texts.filter((text) => text !== '').slice(0, 10).map((text) => markdown(text, 2_000)) };
}

export function header(text: string) {
  return { type: 'header' as const, text: plain(text, 150) };
}

/** A value as one short line: strings as they are, anything else as compact JSON. */
export function showValue(value: unknown, max = 200): string {
  if (value === undefined || value === null) return '(empty)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return truncate(text, max);
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export function slackDate(iso: string): string {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${iso}>`;
}
