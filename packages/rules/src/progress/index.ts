// What the Progress tab draws, as plain data: scales, bars, points and their text equivalents,
// from `computeStats` and the per-try tallies. The app's chart views only draw these; the bench
// times the same functions the screen calls.
export {
  ACTIVITY_LAYOUT,
  activityChart,
  type ActivityChart,
  type ActivityColumn,
  type Bar,
} from './activityChart.js';
export {
  computeProgress,
  progressCharts,
  progressCompute,
  type Headline,
  type ProgressCharts,
  type ProgressNumbers,
} from './chartData.js';
export { axisLabel, displayGrade, gradeLabel, NO_GRADE, rowsInSystem } from './gradeRows.js';
export {
  HARDEST_LAYOUT,
  hardestChart,
  type HardestChart,
  type HardestPoint,
} from './hardestChart.js';
export {
  currentWeekStart,
  PROGRESS_PERIODS,
  progressStatsOptions,
  type ProgressPeriod,
} from './period.js';
export {
  PYRAMID_KINDS,
  PYRAMID_LAYOUT,
  pyramidChart,
  pyramidRows,
  type PyramidBar,
  type PyramidChart,
  type PyramidKind,
  type PyramidSegment,
} from './pyramidChart.js';
export { sameForProgress } from './sameForProgress.js';
export { countAxis, labelledIndexes, scaleTo, shortDate, type CountAxis } from './scale.js';
export {
  SEND_RATE_LAYOUT,
  sendRateChart,
  type SendRateBar,
  type SendRateChart,
} from './sendRateChart.js';
export { tallyTries, type GradeTries, type TryTally } from './tryTally.js';
