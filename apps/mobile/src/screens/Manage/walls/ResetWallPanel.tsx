import { useState } from 'react';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import type { Climb, Layout } from '@sendlog/contract';
import { Button } from '../../../components/Button';
import { BusyLine } from '../common/BusyLine';
import { colors, common, spacing } from '../../../theme/theme';
import { resetWall } from './resetWall';
import type { useManageCall } from '../common/useManageCall';

type Step = { kind: 'closed' } | { kind: 'choosing' } | { kind: 'confirming' };

/**
 * A wall reset: the setter ticks the climbs that stay up, confirms, and every other climb is
 * archived (climbers' logs of them stay; they can be unarchived one by one).
 */
export function ResetWallPanel({
  layout,
  climbs,
  manage,
}: {
  layout: Layout;
  climbs: readonly Climb[];
  manage: ReturnType<typeof useManageCall>;
}) {
  const [step, setStep] = useState<Step>({ kind: 'closed' });
  const [keep, setKeep] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const up = climbs.filter((c) => !c.archived);
  const kept = up.filter((c) => keep.has(c.id));
  const goes = up.length - kept.length;

  const toggle = (id: string) => {
    const next = new Set(keep);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setKeep(next);
  };

  const reset = async () => {
    const outcome = await manage.run((api, token) => resetWall(api, token, layout.id, kept));
    setStep({ kind: 'closed' });
    setKeep(new Set());
    setResult(
      outcome.ok
        ? {
            ok: true,
            message: `Wall reset: ${outcome.data.archived} archived, ${outcome.data.kept} kept up.`,
          }
        : { ok: false, message: outcome.refusal.message },
    );
  };

  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.title}>
        Reset the wall
      </Text>
      {step.kind === 'closed' ? (
        <>
          <Text style={common.muted}>
            Took the holds down? Archive the climbs that are gone in one go, keeping any that stay
            up.
          </Text>
          <Button
            label="Reset wall…"
            name="Reset wall"
            variant="danger"
            disabled={manage.offline || up.length === 0}
            onPress={() => {
              setResult(null);
              setStep({ kind: 'choosing' });
            }}
          />
        </>
      ) : null}
      {step.kind === 'choosing' ? (
        <>
          <Text style={common.body}>Tick the climbs that stay up; the others are archived.</Text>
          {up.map((climb) => (
            <Pressable
              key={climb.id}
              role="checkbox"
              aria-checked={keep.has(climb.id)}
              aria-label={`Keep ${climb.name}`}
              onPress={() => toggle(climb.id)}
              style={styles.check}
            >
              <View style={[styles.box, keep.has(climb.id) && styles.boxOn]}>
                {keep.has(climb.id) ? <Text style={styles.tick}>✓</Text> : null}
              </View>
              <Text style={common.body}>
                Keep {climb.name} ({climb.grade})
              </Text>
            </Pressable>
          ))}
          <View style={common.row}>
            <Button
              label="Continue"
              variant="primary"
              onPress={() => setStep({ kind: 'confirming' })}
            />
            <Button label="Cancel" onPress={() => setStep({ kind: 'closed' })} />
          </View>
        </>
      ) : null}
      {step.kind === 'confirming' ? (
        <>
          <Text style={common.body} role="alert">
            Archive {goes} {goes === 1 ? 'climb' : 'climbs'} of {layout.name} and keep {kept.length}{' '}
            up? Climbers see the change at their next refresh.
          </Text>
          <View style={common.row}>
            <Button
              label={`Archive ${goes} and reset`}
              variant="danger"
              disabled={manage.offline || manage.busy}
              onPress={() => void reset()}
            />
            <Button label="Back" onPress={() => setStep({ kind: 'choosing' })} />
          </View>
          <BusyLine busy={manage.busy} text="Resetting the wall…" />
        </>
      ) : null}
      {result ? (
        <Text role={result.ok ? 'status' : 'alert'} style={result.ok ? common.body : common.error}>
          {result.message}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  check: { minHeight: 44, flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  box: {
    minWidth: 24,
    minHeight: 24,
    borderRadius: 4,
    borderWidth: 2,
    borderColor: colors.muted,
    alignItems: 'center',
    justifyContent: 'center',
  },
  boxOn: { backgroundColor: colors.primary, borderColor: colors.primary },
  tick: { color: colors.primaryText, fontWeight: '700' },
});
