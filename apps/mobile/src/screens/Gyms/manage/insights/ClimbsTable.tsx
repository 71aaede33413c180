import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from '../../../../components/Button';
import { RadioChips } from '../../../../components/RadioChips';
import {
  CLIMB_SORTS,
  verdictText,
  type ClimbSort,
  type ClimbTableRow,
} from '../../../../insights/climbsTable';
import { colors, common, spacing } from '../../../../theme/theme';
import { LabeledField } from '../../../Manage/common/LabeledField';

/** A day `days` after `nowMs`, as `YYYY-MM-DD` (the device's calendar). */
export function dayAfter(nowMs: number, days: number): string {
  const d = new Date(nowMs + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function figures(r: ClimbTableRow): string {
  const parts = [
    `${r.climbers} ${r.climbers === 1 ? 'climber' : 'climbers'}`,
    `${r.tries} ${r.tries === 1 ? 'try' : 'tries'}`,
    `${r.sends} ${r.sends === 1 ? 'send' : 'sends'}`,
    `${r.flashes} ${r.flashes === 1 ? 'flash' : 'flashes'}`,
    r.rating === null ? 'no stars' : `${r.rating} stars`,
  ];
  if (r.ageDays !== null) parts.push(`up ${r.ageDays} ${r.ageDays === 1 ? 'day' : 'days'}`);
  return parts.join(' · ');
}

/**
 * The climbs of the period, sortable, each with its figures and "Plan removal": the day the gym
 * plans to take it down, which climbers then see on it ("until …").
 */
export function ClimbsTable(props: {
  rows: readonly ClimbTableRow[];
  sort: ClimbSort;
  onSort: (sort: ClimbSort) => void;
  onPlanRemoval: (climbId: string, day: string) => Promise<string | null>;
  disabled: boolean;
  nowMs?: number | undefined;
}) {
  const [planning, setPlanning] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const save = async (climbId: string) => {
    const refusal = await props.onPlanRemoval(climbId, day.trim());
    if (refusal === null) setPlanning(null);
    setError(refusal ?? undefined);
  };
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Climbs
      </Text>
      <RadioChips
        label="Sort the climbs"
        chips={CLIMB_SORTS}
        value={props.sort}
        onChange={props.onSort}
      />
      <View role="list" style={styles.list}>
        {props.rows.map((r) => (
          <View role="listitem" key={r.climbId} style={styles.row}>
            <View style={styles.grow}>
              <Text style={common.heading}>
                {r.name} · {r.grade}
                {r.archived ? ' · archived' : ''}
              </Text>
              {r.verdict ? (
                <Text
                  style={[styles.verdict, r.verdict === 'harder' ? styles.harder : styles.softer]}
                >
                  {verdictText(r)}
                </Text>
              ) : null}
              <Text style={common.muted}>{figures(r)}</Text>
              <Text style={common.muted}>
                {[
                  r.setter ? `Set by ${r.setter}` : null,
                  r.removalPlannedAt ? `Removal planned: until ${r.removalPlannedAt}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              {planning === r.climbId ? (
                <View style={styles.plan}>
                  <LabeledField
                    label={`Last day of ${r.name} (YYYY-MM-DD)`}
                    value={day}
                    onChangeText={setDay}
                    error={error}
                    onSubmitEditing={() => void save(r.climbId)}
                  />
                  <View style={common.row}>
                    <Button
                      label="Save the removal day"
                      variant="primary"
                      small
                      disabled={props.disabled}
                      onPress={() => void save(r.climbId)}
                    />
                    <Button label="Cancel" small onPress={() => setPlanning(null)} />
                  </View>
                </View>
              ) : null}
            </View>
            {!r.archived && planning !== r.climbId ? (
              <Button
                label="Plan removal"
                name={`Plan removal of ${r.name}`}
                small
                disabled={props.disabled}
                onPress={() => {
                  setDay(r.removalPlannedAt ?? dayAfter(props.nowMs ?? Date.now(), 14));
                  setError(undefined);
                  setPlanning(r.climbId);
                }}
              />
            ) : null}
          </View>
        ))}
      </View>
    </View>
  );
}

const styles = StyleSheet.create({
  list: { gap: spacing.sm },
  row: {
    flexDirection: 'row',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: spacing.sm,
    borderTopWidth: 1,
    borderTopColor: colors.border,
    paddingTop: spacing.sm,
  },
  grow: { flex: 1, minWidth: 220, gap: 2 },
  plan: { gap: spacing.sm, marginTop: spacing.xs },
  verdict: { fontWeight: '600', fontSize: 14 },
  harder: { color: colors.danger },
  softer: { color: colors.primary },
});
