import { StyleSheet, Text, View } from 'react-native';
import type { InsightsResponse } from '@sendlog/contract';
import { Button } from '../../../../components/Button';
import { RadioChips } from '../../../../components/RadioChips';
import { formatDateTime } from '../../../../format/time';
import { useWideWindow } from '../../../../hooks/useWideWindow';
import { climbTable, type ClimbSort } from '../../../../insights/climbsTable';
import { INSIGHTS_PERIODS, type InsightsWeeks } from '../../../../insights/insightsPeriod';
import { colors, common, spacing } from '../../../../theme/theme';
import { ClimbersPerWeekChart, SetVsClimbedChart } from './InsightCharts';
import { ClimbsTable } from './ClimbsTable';
import { SettersCard } from './SettersCard';
import { WeekdayHourChart } from './WeekdayHourChart';

export interface InsightsViewProps {
  gymName: string;
  weeks: InsightsWeeks;
  onWeeks: (weeks: InsightsWeeks) => void;
  /** The answer shown (fresh, or the last one while offline), with when it came. */
  shown: { insights: InsightsResponse; fetchedAt: number } | null;
  offline: boolean;
  loading: boolean;
  error: string | null;
  sort: ClimbSort;
  onSort: (sort: ClimbSort) => void;
  onPlanRemoval: (climbId: string, day: string) => Promise<string | null>;
  onDownload: () => void;
  /** The clock a planned removal's default day counts from; the device's when left out. */
  nowMs?: number;
}

/**
 * What a gym's staff see: the set against the climbing, climbers per week, when climbers come
 * (the weekday × hour grid, the window's whole width on a laptop), the climbs table and the
 * setters' figures. Two columns on a laptop, one on a phone.
 */
export function InsightsView(p: InsightsViewProps) {
  const wide = useWideWindow();
  const insights = p.shown?.insights ?? null;
  const rows = insights ? climbTable(insights, p.sort) : [];
  return (
    <View style={styles.page}>
      {p.offline ? (
        <View role="status" style={styles.banner}>
          <Text style={common.body}>
            Insights need the network: they are counted on the server from every climber&apos;s
            logbook.{' '}
            {p.shown
              ? `This is the last answer, from ${formatDateTime(new Date(p.shown.fetchedAt).toISOString())}.`
              : 'There is no earlier answer on this device.'}
          </Text>
        </View>
      ) : null}
      <View style={common.card}>
        <Text role="heading" aria-level={2} style={common.title}>
          {p.gymName}: insights
        </Text>
        <Text style={common.muted}>
          Counted from every climber&apos;s synced sessions at this gym, in the gym&apos;s time
          zone. Only totals: nobody is named.
        </Text>
        <RadioChips
          label="Period"
          chips={INSIGHTS_PERIODS.map((o) => ({ value: o.weeks, label: o.label }))}
          value={p.weeks}
          onChange={p.onWeeks}
        />
        {p.loading ? (
          <Text role="status" style={common.muted}>
            Counting…
          </Text>
        ) : null}
        {p.error ? (
          <Text role="alert" style={common.error}>
            {p.error}
          </Text>
        ) : null}
      </View>
      {insights ? (
        <>
          <View style={[styles.charts, wide && styles.chartsWide]}>
            <View style={[styles.column, wide && styles.half]}>
              <SetVsClimbedChart insights={insights} />
            </View>
            <View style={[styles.column, wide && styles.half]}>
              <ClimbersPerWeekChart insights={insights} />
            </View>
          </View>
          <WeekdayHourChart insights={insights} />
          <View style={[styles.charts, wide && styles.chartsWide]}>
            <View style={[styles.column, wide && styles.wideTable]}>
              <ClimbsTable
                rows={rows}
                sort={p.sort}
                onSort={p.onSort}
                onPlanRemoval={p.onPlanRemoval}
                disabled={p.offline}
                nowMs={p.nowMs}
              />
              <Button label="Download the climbs table (CSV)" onPress={p.onDownload} />
            </View>
            <View style={[styles.column, wide && styles.narrow]}>
              <SettersCard setters={insights.setters} />
            </View>
          </View>
        </>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  page: { gap: spacing.md, width: '100%', maxWidth: 1280, alignSelf: 'center' },
  banner: {
    backgroundColor: colors.warningBackground,
    borderWidth: 1,
    borderColor: colors.warningBorder,
    borderRadius: 8,
    padding: spacing.md,
  },
  charts: { gap: spacing.md },
  chartsWide: { flexDirection: 'row', alignItems: 'flex-start' },
  column: { gap: spacing.md },
  half: { flex: 1, minWidth: 0 },
  wideTable: { flex: 2, minWidth: 0 },
  narrow: { flex: 1, minWidth: 0 },
});
