import { useState } from 'react';
import { ScrollView, StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { NavigationProp } from '@react-navigation/native';
import type { StatsGradeSource } from '@sendlog/contract';
import {
  PROGRESS_PERIODS,
  shortDate,
  type Headline,
  type ProgressPeriod,
} from '@sendlog/rules/progress';
import { Button } from '../../components/Button';
import { GymFilterChips } from '../../components/GymFilterChips';
import { SyncBanner } from '../../components/SyncBanner';
import { useGradeSystem } from '../../hooks/services';
import { useGymFilter } from '../../hooks/useGymFilter';
import type { TabParams } from '../../navigation/types';
import { ActivityChartView } from '../../progress/charts/ActivityChartView';
import { HardestChartView } from '../../progress/charts/HardestChartView';
import { PyramidChartView } from '../../progress/charts/PyramidChartView';
import { SendRateChartView } from '../../progress/charts/SendRateChartView';
import { colors, common, spacing } from '../../theme/theme';
import { useProgress } from './useProgress';

/** The column the charts sit in: a phone's width, and no wider on a tablet or a desktop. */
const MAX_COLUMN = 640;
/** The screen's and the card's padding and borders on each side. */
const INSET = spacing.lg + spacing.md + 1;

const GRADE_SOURCES: readonly { id: StatsGradeSource; label: string }[] = [
  { id: 'route', label: 'Route grade' },
  { id: 'own', label: 'My grade' },
];

/**
 * How the climber is doing, from the sessions on this device (offline too, and including what
 * was logged a minute ago), by the same rules as the server's `GET /stats`.
 */
export function ProgressScreen() {
  const [period, setPeriod] = useState<ProgressPeriod>('weeks12');
  const [grades, setGrades] = useState<StatsGradeSource>('route');
  const system = useGradeSystem();
  const { width } = useWindowDimensions();
  const chartWidth = Math.max(200, Math.min(width, MAX_COLUMN) - 2 * INSET);
  const gyms = useGymFilter();
  const { charts, hasHistory } = useProgress(period, grades, system, chartWidth, gyms.filter);
  const periodName = PROGRESS_PERIODS.find((p) => p.id === period)?.name ?? '';
  const gymName = gyms.options.find((g) => g.id === gyms.gymId)?.name ?? null;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <ScrollView contentContainerStyle={[common.content, styles.column]}>
        <GymFilterChips filter={gyms} />
        <View role="radiogroup" aria-label="Period" style={styles.choices}>
          {PROGRESS_PERIODS.map((p) => (
            <Button
              key={p.id}
              label={p.label}
              small
              checked={period === p.id}
              onPress={() => setPeriod(p.id)}
            />
          ))}
        </View>
        {charts.empty ? (
          <EmptyState hasHistory={hasHistory} periodName={periodName} gymName={gymName} />
        ) : (
          <>
            {/* Said on screen, not only to screen readers: which grade every chart counts at. */}
            <View style={styles.choices}>
              <Text style={[common.body, styles.choicesLabel]}>Count climbs at</Text>
              <View role="radiogroup" aria-label="Count climbs at" style={styles.choices}>
                {GRADE_SOURCES.map((g) => (
                  <Button
                    key={g.id}
                    label={g.label}
                    small
                    checked={grades === g.id}
                    onPress={() => setGrades(g.id)}
                  />
                ))}
              </View>
            </View>
            <Headlines headline={charts.headline} />
            <PyramidChartView chart={charts.pyramid} />
            <ActivityChartView chart={charts.activity} />
            <HardestChartView chart={charts.hardest} />
            <SendRateChartView chart={charts.sendRate} />
          </>
        )}
      </ScrollView>
    </View>
  );
}

function Headlines({ headline }: { headline: Headline }) {
  const hardest = headline.hardestSend;
  return (
    <View style={styles.tiles}>
      <Tile label="Sessions" value={String(headline.sessions)} />
      <Tile label="Sends" value={String(headline.sends)} />
      <Tile label="Flashes" value={String(headline.flashes)} />
      <Tile
        label="Hardest send"
        value={hardest?.grade ?? '—'}
        detail={hardest ? `${hardest.climbName}, ${shortDate(hardest.date)}` : 'none yet'}
      />
    </View>
  );
}

function Tile(props: { label: string; value: string; detail?: string }) {
  return (
    <View style={[common.card, styles.tile]}>
      <Text style={common.muted}>{props.label}</Text>
      <Text style={styles.value}>{props.value}</Text>
      {props.detail ? (
        <Text style={common.muted} numberOfLines={2}>
          {props.detail}
        </Text>
      ) : null}
    </View>
  );
}

function EmptyState(props: { hasHistory: boolean; periodName: string; gymName: string | null }) {
  const { hasHistory, periodName, gymName } = props;
  const navigation = useNavigation<NavigationProp<TabParams>>();
  const where = gymName ? ` at ${gymName}` : '';
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.title}>
        {hasHistory
          ? `Nothing logged${where} in ${periodName}`
          : gymName
            ? `Nothing logged at ${gymName} yet`
            : 'Your progress starts here'}
      </Text>
      <Text style={common.body}>
        {hasHistory
          ? 'Choose a longer period above, or climb a little and log it: it shows here at once.'
          : 'Open a wall, tap Start session, then Sent or Try on each climb you get on. Your grade pyramid, weekly activity and hardest sends appear here, offline too.'}
      </Text>
      <Button
        label="Go to walls"
        variant="primary"
        onPress={() => navigation.navigate('LayoutsTab', { screen: 'Layouts' })}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  column: { width: '100%', maxWidth: MAX_COLUMN, alignSelf: 'center' },
  choices: { flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', gap: spacing.sm },
  choicesLabel: { fontWeight: '600' },
  tiles: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  tile: { flexGrow: 1, flexBasis: '40%', minWidth: 130, gap: 2 },
  value: { fontSize: 24, fontWeight: '700', color: colors.text },
});
