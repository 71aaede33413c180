/**
 * The climber's logbook: the numbers of `GET /stats`, a session's summary and a climb's story.
 * The server's SQL must give the same answers, so every rule is deterministic and plain:
 *
 * - Deleted sessions are left out of everything (also as "earlier" tries).
 * - A **try** is one logged route. Its grade is the route's grade (canonical spelling when it is
 *   in the grade table, as stored otherwise); with `grades = 'own'` it is the climber's
 *   `gradeOpinion` instead when that parses as a known grade of either system, and the route's
 *   grade when the opinion is empty or free text (`soft V5`).
 * - The **order** of tries, used for everything "earlier": the try's moment
 *   `coalesce(loggedAt, session.startTime)`, then `session.startTime`, then session id, then
 *   route id (ids compared by code units, `COLLATE "C"`).
 * - A **send** is a try with `isSuccess`. A **flash** is a send with `attempts = 1` of a climb with
 *   no earlier try at all (in any session, before the period too). A **repeat** is a send of a
 *   climb with an earlier send. A climb can be flashed at most once, ever.
 * - The **period** is `[from, to)`; a session and all its tries belong to it by
 *   `session.startTime`, and to the local day and ISO week of that start.
 * - `sessions`: sessions in the period (empty ones too); `climbingDays`: distinct local dates
 *   (in `tz`) of their starts; `tries`, `attempts` (sum), `sends`, `flashes`, `repeats`: over the
 *   tries of those sessions.
 * - The **pyramid** counts each climb tried in the period once, by its best result there
 *   (flashed > sent > tried only; a repeat is a send), at the grade of the earliest try with that
 *   result. Rows are grades, hardest first (the chart draws hardest on top), grades outside the
 *   grade table after all others by text.
 * - **Unlisted climbs** (`climbId` null, `climb: { name, grade, kind }`): one climb when kind, name
 *   and grade agree ignoring case and blanks (`climbKeyOf`). A boulder graded in V or Font joins
 *   the grade table; any other grade (a route's, or a boulder's outside the table) is kept as
 *   written and counted in tries, attempts, sends, flashes and repeats, but the climb stands
 *   outside the pyramid (judged at the try deciding its row) and the hardest send and flash.
 * - **weeks**: every ISO week (Monday 00:00 local in `tz`) from the week of `from` to the week of
 *   the period's last instant, ascending, with zeros; `weekStart` is the local Monday.
 * - `hardestSend` / `hardestFlash`: among sends (flashes) in the period with a grade in the table,
 *   the highest rank on the common scale of both systems; ties go to the earliest try. `date` is
 *   the local date (in `tz`) of the try's moment.
 */
export type { LogbookRoute, LogbookSession, GradeOptions } from './types.js';
export { LocalClock, clockFor, isoWeekStart, dayToDate } from './local-time.js';
export { compareTries, gradeOfTry, inGradeTable, orderTries, type OrderedTry } from './tries.js';
export { comparePyramidGrades } from './tally.js';
export { computeStats, type StatsOptions } from './stats.js';
export { resolveStatsPeriod, type ResolvedStatsPeriod } from './period.js';
export { summarizeSession, type SessionSummary } from './session-summary.js';
export { climbStory, climbHistory, type ClimbStoryTry } from './climb-story.js';
export { parseInstant } from './instant.js';
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupHead,
  compareExportOrder,
  sessionsBackup,
  type BackupHead,
} from './backup.js';
export {
  EXPORT_CSV_COLUMNS,
  EXPORT_CSV_HEADER,
  ascentTypeFromFirsts,
  ascentTypeOf,
  compareTryKeys,
  csvField,
  csvText,
  exportCsv,
  exportCsvLine,
  type AscentType,
  type ClimbFirsts,
  type ExportSession,
  type ExportTry,
  type TryKey,
} from './export.js';
export {
  computeInsights,
  type InsightsCatalogueClimb,
  type InsightsInput,
  type InsightsSession,
} from './insights.js';
export {
  ageInDays,
  climbFigures,
  gradeAt,
  isoWeekday,
  localHour,
  meanRating,
  medianIndex,
  verdictOf,
  type ClimbTallyRow,
} from './insight-figures.js';
