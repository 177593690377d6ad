/** Markup that is already safe: produced by `html` or `raw`, never from a caller's string. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

function render(value: Interpolated): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return (value as readonly Interpolated[]).map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Every interpolated value is escaped unless it is SafeHtml: run inputs, model outputs and
 * reviewer names are data from outside and reach the page only as text.
 */
export function html(strings: TemplateStringsArray, ...values: readonly Interpolated[]): SafeHtml {
  return new SafeHtml(strings.reduce((text, chunk, index) => text + chunk + (index < values.length ? render(values[index]) : ''), ''));
}

/** For markup built here from constants (inline CSS, SVG paths computed from numbers). */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** A JSON value pretty-printed, for `<pre>`. */
export function prettyJson(value: unknown): string {
  return value === undefined ? 'null' : JSON.stringify(value, null, 2);
}
