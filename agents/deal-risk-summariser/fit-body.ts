/** An alert body fits one Slack section block. */
export const ALERT_BODY_LIMIT = 3_000;

/** The header and as many lines as fit one alert body, then how many were left out and where to find them. */
export function fitBody(header: string, lines: readonly string[], elsewhere: string): string {
  let body = header;
  for (const [index, line] of lines.entries()) {
    if (body.length + line.length + elsewhere.length + 40 > ALERT_BODY_LIMIT) return `${body}\n…and ${lines.length - index} more ${elsewhere}.`;
    body = `${body}\n${line}`;
  }
  return body;
}
