import { StyleSheet, Text, View } from 'react-native';
import type { SessionSummary } from '@sendlog/rules';
import { plural } from '../../format/plural';
import { useGradeDisplay } from '../../hooks/services';
import { colors, common, spacing } from '../../theme/theme';
import { chipText, gradeStrip } from './gradeStrip';

/** `1 h 05 min`, `42 min`; null while the session runs. */
export function summaryDuration(ms: number | null): string | null {
  if (ms === null) return null;
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
}

/**
 * A session in numbers: time, climbs, sends, flashes, attempts, the hardest send and a strip of
 * grade chips. Every number is text in a sentence-like line, so a screen reader reads it as seen.
 */
export function SessionSummaryView({ summary }: { summary: SessionSummary }) {
  const display = useGradeDisplay();
  const duration = summaryDuration(summary.durationMs);
  const chips = gradeStrip(summary.grades, display);
  const hardest = summary.hardestSend;
  return (
    <View style={styles.summary}>
      <View style={styles.tiles}>
        {duration ? <Tile value={duration} label="climbing" /> : null}
        <Tile value={String(summary.climbs)} label={summary.climbs === 1 ? 'climb' : 'climbs'} />
        <Tile value={String(summary.sends)} label={summary.sends === 1 ? 'send' : 'sends'} />
        <Tile value={String(summary.flashes)} label={summary.flashes === 1 ? 'flash' : 'flashes'} />
        <Tile
          value={String(summary.attempts)}
          label={summary.attempts === 1 ? 'attempt' : 'attempts'}
        />
      </View>
      <Text style={common.body}>
        {hardest
          ? `Hardest send: ${display(hardest.grade)} · ${hardest.climbName}`
          : 'No send this session'}
        {summary.repeats > 0 ? ` · ${plural(summary.repeats, 'repeat', 'repeats')}` : ''}
      </Text>
      {chips.length > 0 ? (
        <View role="list" aria-label="Climbs by grade" style={styles.chips}>
          {chips.map((chip) => (
            <View role="listitem" key={chip.grade} style={styles.chip}>
              <Text style={styles.chipGrade}>{chip.grade}</Text>
              <Text style={[common.muted, chip.sent > 0 && styles.sent]}>{chipText(chip)}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function Tile({ value, label }: { value: string; label: string }) {
  return (
    <Text style={styles.tile}>
      <Text style={styles.tileValue}>{value}</Text>
      <Text style={common.muted}>{` ${label}`}</Text>
    </Text>
  );
}

const styles = StyleSheet.create({
  summary: { gap: spacing.sm },
  tiles: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.md },
  tile: { color: colors.text },
  tileValue: { fontSize: 20, fontWeight: '700', color: colors.text },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs },
  chip: {
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 8,
    paddingHorizontal: spacing.sm,
    paddingVertical: spacing.xs,
    // Chips sit on a card: success text on surface is a checked pair (theme.ts).
    backgroundColor: colors.surface,
  },
  chipGrade: { fontWeight: '700', color: colors.text },
  sent: { color: colors.success },
});
