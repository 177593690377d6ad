/** What `/research` and `/baton` accept; anything else gets the usage, ephemerally. */

export const RESEARCH_USAGE = 'Usage: `/research <domain>`, `/research <company name>` (an account in the CRM) or `/research <company name> <domain>`, e.g. `/research acme.com`, `/research Acme Corp` or `/research Acme Corp acme.com`.';
export const BATON_USAGE = [
  'Usage:',
  '• `/baton runs` the latest runs',
  '• `/baton run <run id>` one run with its steps',
  '• `/baton approvals [mine|all]` approvals waiting for a decision',
  '• `/baton help` this message',
].join('\n');

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)\/?$/i;

/** A domain, or only a company name whose domain the CRM's account record holds. */
export type ResearchTarget =
  | { readonly ok: true; readonly name: string; readonly domain: string }
  | { readonly ok: true; readonly name: string; readonly domain: undefined }
  | { readonly ok: false; readonly message: string };

export function parseResearchTarget(text: string): ResearchTarget {
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const last = words.at(-1);
  const domain = last === undefined ? undefined : DOMAIN.exec(last)?.[1]?.toLowerCase();
  if (words.length === 0) return { ok: false, message: RESEARCH_USAGE };
  if (domain === undefined) {
    const name = words.join(' ');
    return name.length > 200 ? { ok: false, message: `The company name is too long (at most 200 characters). ${RESEARCH_USAGE}` } : { ok: true, name, domain: undefined };
  }
  const given = words.slice(0, -1).join(' ');
  const label = domain.split('.')[0] ?? domain;
  const name = given === '' ? label.charAt(0).toUpperCase() + label.slice(1) : given;
  if (name.length > 200) return { ok: false, message: `The company name is too long (at most 200 characters). ${RESEARCH_USAGE}` };
  return { ok: true, name, domain };
}

export type BatonCommand =
  | { readonly ok: true; readonly command: 'runs' | 'help' }
  | { readonly ok: true; readonly command: 'run'; readonly argument: string }
  | { readonly ok: true; readonly command: 'approvals'; readonly argument: 'mine' | 'all' }
  | { readonly ok: false; readonly message: string };

export function parseBatonCommand(text: string): BatonCommand {
  const [verb, argument, ...rest] = text.trim().split(/\s+/).filter((word) => word !== '');
  const extra = rest.length > 0;
  switch (verb) {
    case 'runs':
      return argument === undefined ? { ok: true, command: 'runs' } : { ok: false, message: `\`/baton runs\` takes no argument. ${BATON_USAGE}` };
    case 'run':
      return argument === undefined || extra ? { ok: false, message: `\`/baton run\` needs one run id. ${BATON_USAGE}` } : { ok: true, command: 'run', argument };
    case 'approvals':
      if (extra || (argument !== undefined && argument !== 'mine' && argument !== 'all')) return { ok: false, message: `\`/baton approvals\` takes \`mine\` or \`all\`. ${BATON_USAGE}` };
      return { ok: true, command: 'approvals', argument: argument ?? 'mine' };
    case 'help':
    case undefined:
      return { ok: true, command: 'help' };
    default:
      return { ok: false, message: `Unknown command \`${verb}\`. ${BATON_USAGE}` };
  }
}
