import { GYMS_SHAPE, type GymFigures, type RefreshFigures } from '../gyms.js';
import { fmt, type Row } from '../lib/report.js';
import { times } from './format.js';

const ms = (value: number) => `${fmt(value, 1)} ms`;
const walls = GYMS_SHAPE.gyms * GYMS_SHAPE.wallsPerGym;
const refreshText = (r: RefreshFigures) =>
  `${r.requests} requests: ${ms(r.coldMs)} cold, ${ms(r.warmMs)} revalidated`;

/** Part 14: the gym check on a sync and on `GET /layouts`, and the catalogue refresh. */
export function gymRows(f: GymFigures): Row[] {
  const part = '14 gyms (postgres)';
  const syncRatio = f.syncMs.many / f.syncMs.one;
  const checkRatio = f.layoutsMs.following10 / f.layoutsMs.followingNone;
  return [
    {
      part,
      metric: `single sync (5 tries), climber of ${GYMS_SHAPE.gyms} gyms × ${GYMS_SHAPE.wallsPerGym} walls | one-gym server (today) (${times(syncRatio)})`,
      value: `${ms(f.syncMs.many)} | ${ms(f.syncMs.one)}`,
      goal: '≤ 1.25× today',
      met: syncRatio <= 1.25,
    },
    {
      part,
      metric: `GET /layouts, following ${GYMS_SHAPE.gyms} gyms (${walls} walls) | following none, same ${walls} walls (gym check bypassed) (${times(checkRatio)})`,
      value: `${ms(f.layoutsMs.following10)} | ${ms(f.layoutsMs.followingNone)}`,
      goal: '≤ 1.25×',
      met: checkRatio <= 1.25,
    },
    {
      part,
      metric: `GET /layouts on a one-gym server of ${GYMS_SHAPE.wallsPerGym} walls (today) (${times(f.layoutsMs.following10 / f.layoutsMs.oneGym)} for 10× the walls)`,
      value: ms(f.layoutsMs.oneGym),
      goal: 'shown',
      met: null,
    },
    {
      part,
      metric: `catalogue refresh of ${GYMS_SHAPE.gyms} gyms, one climbs request per wall (before)`,
      value: refreshText(f.refresh.perWall),
      goal: 'shown',
      met: null,
    },
    {
      part,
      metric: `… one climbs request per gym (GET /gyms/:id/climbs) (${times(f.refresh.perWall.coldMs / f.refresh.perGym.coldMs)} cold, ${times(f.refresh.perWall.warmMs / f.refresh.perGym.warmMs)} revalidated)`,
      value: refreshText(f.refresh.perGym),
      goal: `${2 * GYMS_SHAPE.gyms} requests`,
      met: f.refresh.perGym.requests === 2 * GYMS_SHAPE.gyms,
    },
  ];
}
