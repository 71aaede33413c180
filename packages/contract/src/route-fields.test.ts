import { describe, expect, it } from 'vitest';
import {
  ROUTE_CONTENT_FIELD_NAMES,
  routeSnapshotSchema,
  sessionRouteSchema,
  withRouteContent,
} from './index.js';
import { routeFieldsLost, sampleRouteContent } from './testing/index.js';

const sorted = (names: Iterable<string>) => [...names].sort();

describe('route content fields', () => {
  it('are exactly the content of a route in the API answer and in the snapshot', () => {
    const answerOnly = ['id', 'clientRouteId', 'climbName', 'grade', 'updatedAt'];
    const snapshotOnly = ['clientRouteId', 'updatedAt'];
    const declared = sorted(ROUTE_CONTENT_FIELD_NAMES);
    expect(
      sorted(Object.keys(sessionRouteSchema.shape).filter((k) => !answerOnly.includes(k))),
    ).toEqual(declared);
    expect(
      sorted(Object.keys(routeSnapshotSchema.shape).filter((k) => !snapshotOnly.includes(k))),
    ).toEqual(declared);
  });

  it('are all set by the sample, to values a snapshot may carry', () => {
    for (const variant of [0, 1] as const) {
      const content = sampleRouteContent(variant);
      const parsed = routeSnapshotSchema.safeParse(content);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      expect(routeFieldsLost(content, parsed.data ?? {})).toEqual([]);
    }
    const [a, b] = [sampleRouteContent(0), sampleRouteContent(1)];
    for (const name of ROUTE_CONTENT_FIELD_NAMES) expect(a[name], name).not.toEqual(b[name]);
  });

  it('are all copied by withRouteContent', () => {
    const content = sampleRouteContent();
    const copy = withRouteContent({ id: 'r1' }, content);
    expect(copy.id).toBe('r1');
    expect(routeFieldsLost(content, copy)).toEqual([]);
  });
});
