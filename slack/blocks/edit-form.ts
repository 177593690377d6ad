import type { Block } from './block-kit-schema.js';
import { plain, truncate } from './block-text.js';

/**
 * An approval's payload as modal inputs, one per leaf the edit schema describes (`emails.1.body`),
 * and back. Arrays of strings become one line each; anything the form cannot show field by field
 * is edited as JSON. The engine re-validates the result against the real schema.
 */
type JsonSchema = Record<string, unknown>;
type Path = readonly (string | number)[];

export type EditFieldKind = 'text' | 'number' | 'integer' | 'choice' | 'boolean' | 'lines' | 'json';

export interface EditField {
  readonly path: Path;
  readonly kind: EditFieldKind;
  readonly value: unknown;
  readonly choices?: readonly string[];
  readonly maxLength?: number;
  readonly multiline?: boolean;
}

export const FIELD_PREFIX = 'field:';
/** Slack allows 100 blocks in a modal; past that, one JSON field edits the whole item. */
const MAX_FIELDS = 90;

export const blockIdOf = (path: Path) => `${FIELD_PREFIX}${path.length === 0 ? '$' : path.join('.')}`;

export function editFields(schema: JsonSchema | null, payload: unknown): EditField[] {
  const fields = schema === null ? [] : collect(schema, payload, []);
  return fields.length === 0 || fields.length > MAX_FIELDS ? [{ path: [], kind: 'json', value: payload, multiline: true }] : fields;
}

function collect(schema: JsonSchema, value: unknown, path: Path): EditField[] {
  const type = schema['type'];
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  if (type === 'object' && properties !== undefined && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    // An optional field the item does not have stays absent: the form edits what is there.
    return Object.entries(properties).flatMap(([key, inner]) => {
      const child = (value as Record<string, unknown>)[key];
      return child === undefined ? [] : collect(inner, child, [...path, key]);
    });
  }
  if (type === 'array' && Array.isArray(value)) {
    const items = (schema['items'] ?? {}) as JsonSchema;
    if (items['type'] === 'string' && items['enum'] === undefined) return [{ path, kind: 'lines', value, multiline: true }];
    if (items['type'] === 'object') return value.flatMap((item, index) => collect(items, item, [...path, index]));
    return [{ path, kind: 'json', value, multiline: true }];
  }
  if (Array.isArray(schema['enum']) && schema['enum'].every((choice) => typeof choice === 'string')) return [{ path, kind: 'choice', value, choices: schema['enum'] }];
  if (type === 'string') {
    const maxLength = typeof schema['maxLength'] === 'number' ? Math.min(schema['maxLength'], 3_000) : 3_000;
    return [{ path, kind: 'text', value, maxLength, multiline: maxLength > 200 || (typeof value === 'string' && value.length > 80) }];
  }
  if (type === 'number' || type === 'integer') return [{ path, kind: type, value }];
  if (type === 'boolean') return [{ path, kind: 'boolean', value }];
  return [{ path, kind: 'json', value, multiline: true }];
}

function label(path: Path): string {
  if (path.length === 0) return 'The whole item (JSON)';
  return path.map((part) => (typeof part === 'number' ? `#${part + 1}` : part)).join(' › ');
}

export function fieldBlock(field: EditField): Block {
  const common = { type: 'input' as const, block_id: blockIdOf(field.path), label: plain(label(field.path), 2_000) };
  switch (field.kind) {
    case 'number':
    case 'integer':
      return { ...common, element: { type: 'number_input', action_id: 'value', is_decimal_allowed: field.kind === 'number', ...(typeof field.value === 'number' ? { initial_value: String(field.value) } : {}) } };
    case 'choice':
    case 'boolean': {
      const choices = field.kind === 'boolean' ? ['true', 'false'] : (field.choices ?? []);
      const options = choices.slice(0, 100).map((choice) => ({ text: plain(choice, 75), value: choice }));
      const initial = options.find((option) => option.value === String(field.value));
      return { ...common, element: { type: 'static_select', action_id: 'value', options, ...(initial === undefined ? {} : { initial_option: initial }) } };
    }
    default: {
      const text = field.kind === 'lines' ? (field.value as unknown[]).map(String).join('\n') : field.kind === 'json' ? JSON.stringify(field.value, null, 2) : typeof field.value === 'string' ? field.value : '';
      const hint = field.kind === 'lines' ? { hint: plain('One per line', 2_000) } : field.kind === 'json' ? { hint: plain('JSON', 2_000) } : {};
      return { ...common, ...hint, element: { type: 'plain_text_input', action_id: 'value', multiline: field.multiline === true, initial_value: truncate(text, field.maxLength ?? 3_000) } };
    }
  }
}

/** Slack's `view.state.values`: block id → action id → the element's state. */
export type ViewValues = Record<string, Record<string, { type?: string; value?: string | null; selected_option?: { value: string } | null }>>;

/** The edited payload, rebuilt from the original with each field's new value; unreadable fields come back as errors by block id. */
export function readEditForm(fields: readonly EditField[], original: unknown, values: ViewValues): { payload: unknown; errors: Record<string, string> } {
  let payload: unknown = structuredClone(original);
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const blockId = blockIdOf(field.path);
    const state = values[blockId]?.['value'];
    const raw = state?.selected_option?.value ?? state?.value ?? '';
    const parsed = parseField(field, raw);
    if ('error' in parsed) errors[blockId] = parsed.error;
    else payload = setAt(payload, field.path, parsed.value);
  }
  return { payload, errors };
}

function parseField(field: EditField, raw: string): { value: unknown } | { error: string } {
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const number = Number(raw);
      return raw.trim() === '' || !Number.isFinite(number) ? { error: 'Enter a number.' } : { value: number };
    }
    case 'boolean':
      return { value: raw === 'true' };
    case 'lines':
      return { value: raw.split('\n').map((line) => line.trim()).filter((line) => line !== '') };
    case 'json':
      try {
        return { value: JSON.parse(raw) as unknown };
      } catch {
        return { error: 'This is not valid JSON.' };
      }
    default:
      return { value: raw };
  }
}

function setAt(target: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const container = (target ?? (typeof head === 'number' ? [] : {})) as Record<string | number, unknown>;
  container[head] = setAt(container[head], rest, value);
  return container;
}

/** The block an engine issue (`emails.1.body`) belongs to: the field itself, or the nearest field containing it. */
export function blockForIssue(fields: readonly EditField[], issuePath: string): string | undefined {
  const candidates = fields.map((field) => ({ id: blockIdOf(field.path), path: field.path.join('.') }));
  const exact = candidates.find((candidate) => candidate.path === issuePath);
  if (exact !== undefined) return exact.id;
  const containing = candidates.filter((candidate) => candidate.path === '' || issuePath.startsWith(`${candidate.path}.`)).sort((left, right) => right.path.length - left.path.length);
  return containing[0]?.id ?? candidates.find((candidate) => candidate.path.startsWith(`${issuePath}.`))?.id;
}
