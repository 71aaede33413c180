import { COMMUNITY_SHAPE, type CommunityFigures } from '../community.js';
import { fmt, type Row } from '../lib/report.js';
import { times } from './format.js';

/** Part 11 on one database: the old query over every route against the aggregate kept on ingest. */
export function communityRows(db: string, f: CommunityFigures): Row[] {
  const part = `11 community (${db})`;
  const ratio = f.oldSqlMs / f.newSqlMs;
  return [
    {
      part,
      metric: `community view of ${COMMUNITY_SHAPE.routes.toLocaleString('en-US')} routes on one layout (${f.climbs} climbs): computed from every route (the old query)`,
      value: `${fmt(f.oldSqlMs, 1)} ms`,
      goal: '',
      met: null,
    },
    {
      part,
      metric: `read from the aggregate kept on ingest (${f.climberRows.toLocaleString('en-US')} climber rows; GET /layouts/:id/climbs ${fmt(f.httpMs, 1)} ms; rebuilt in ${fmt(f.rebuildMs, 0)} ms)`,
      value: `${fmt(f.newSqlMs, 1)} ms`,
      goal: '',
      met: null,
    },
    { part, metric: 'old query ÷ aggregate', value: times(ratio), goal: '≥ 10×', met: ratio >= 10 },
  ];
}
