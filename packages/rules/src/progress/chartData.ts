import type { GradeSystem, StatsResponse } from '@sendlog/contract';
import { computeStats, type LogbookSession, type StatsOptions } from '../logbook/index.js';
import { activityChart, type ActivityChart } from './activityChart.js';
import { displayGrade } from './gradeRows.js';
import { hardestChart, type HardestChart } from './hardestChart.js';
import { pyramidChart, type PyramidChart } from './pyramidChart.js';
import { sendRateChart, type SendRateChart } from './sendRateChart.js';
import { tallyTries, type TryTally } from './tryTally.js';

/** A period's numbers: `GET /stats`'s answer computed on the device, and the per-try tallies. */
export interface ProgressNumbers {
  stats: StatsResponse;
  tally: TryTally;
}

/**
 * The expensive functions, called through this object so a test can count the calls
 * (`jest.spyOn(progressCompute, 'computeStats')`): the screen must compute once per real change.
 */
export const progressCompute = { computeStats, tallyTries };

/**
 * The expensive step, over the whole history (earlier tries decide flashes and repeats): done
 * once per change of sessions, period, grade source or zone, never per keystroke or redraw.
 */
export function computeProgress(
  sessions: readonly LogbookSession[],
  options: StatsOptions,
): ProgressNumbers {
  return {
    stats: progressCompute.computeStats(sessions, options),
    tally: progressCompute.tallyTries(sessions, options),
  };
}

export interface Headline {
  sessions: number;
  sends: number;
  flashes: number;
  /** The hardest send in the climber's system, with its climb; null without a graded send. */
  hardestSend: { grade: string; climbName: string; date: string } | null;
}

export interface ProgressCharts {
  headline: Headline;
  /** Nothing happened in the period: the screen shows how to get started instead of zeros. */
  empty: boolean;
  pyramid: PyramidChart;
  activity: ActivityChart;
  hardest: HardestChart;
  sendRate: SendRateChart;
}

/** What every chart of the Progress tab draws, for a chart `width` in points. */
export function progressCharts(
  { stats, tally }: ProgressNumbers,
  system: GradeSystem,
  width: number,
): ProgressCharts {
  const hardest = stats.hardestSend;
  return {
    headline: {
      sessions: stats.sessions,
      sends: stats.sends,
      flashes: stats.flashes,
      hardestSend:
        hardest === null
          ? null
          : {
              grade: displayGrade(hardest.grade, system),
              climbName: hardest.climbName,
              date: hardest.date,
            },
    },
    empty: stats.sessions === 0,
    pyramid: pyramidChart(stats.pyramid, system, width),
    activity: activityChart(stats.weeks, width),
    hardest: hardestChart(stats.weeks, tally.hardestByWeek, system, width),
    sendRate: sendRateChart(tally.byGrade, system, width),
  };
}
