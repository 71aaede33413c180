import fc from 'fast-check';

/** Bytes that are not JSON at all. */
export const notJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":}',
    "{'a':1}",
    '[1,2',
    'undefined',
    'NaN',
    '{"a":1}{',
    '\u0000',
    '{"a":1,}',
  ),
  fc.string({ minLength: 1, maxLength: 50 }).filter((s) => {
    try {
      JSON.parse(s);
      return false;
    } catch {
      return true;
    }
  }),
);
