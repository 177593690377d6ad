import { describe, expect, it } from 'vitest';
import { diffJson } from './json-diff.js';

describe('the diff of an edit', () => {
  it('lists each changed field by its path, and nothing for an unchanged value', () => {
    const before = { emails: [{ subject: 'Your Series B', body: 'Hi' }, { subject: 'One idea', body: 'Two' }], confidence: 0.7 };
    const after = { emails: [{ subject: 'Your Series B and SDR ramp', body: 'Hi' }, { subject: 'One idea', body: 'Two' }], confidence: 0.7, note: 'edited' };
    expect(diffJson(before, after)).toEqual([
      { path: 'emails.0.subject', before: 'Your Series B', after: 'Your Series B and SDR ramp' },
      { path: 'note', before: null, after: 'edited' },
    ]);
    expect(diffJson(before, structuredClone(before))).toEqual([]);
  });

  it('treats a list that changed length as one change, and a changed category as one field', () => {
    expect(diffJson({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual([{ path: 'tags', before: ['a'], after: ['a', 'b'] }]);
    expect(diffJson({ category: 'question' }, { category: 'positive' })).toEqual([{ path: 'category', before: 'question', after: 'positive' }]);
  });
});
