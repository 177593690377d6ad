/** `data.lead.email`, `data.contacts.0.email`: property names and array indexes joined by dots. */
export const DOTTED_PATH_PATTERN = /^[A-Za-z_$][\w$-]*(\.[\w$-]+)*$/;

export type PathLookup = { readonly found: true; readonly value: unknown } | { readonly found: false; readonly missing: string };

/**
 * Reads `path` from `root`, following own properties only, so a path such as
 * `data.constructor` cannot reach into prototypes. `missing` is the first segment that is absent.
 */
export function lookupPath(root: unknown, path: string): PathLookup {
  let value = root;
  const segments = path.split('.');
  for (const [index, segment] of segments.entries()) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) {
      return { found: false, missing: segments.slice(0, index + 1).join('.') };
    }
    value = (value as Record<string, unknown>)[segment];
  }
  return value === undefined ? { found: false, missing: path } : { found: true, value };
}
