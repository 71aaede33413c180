import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { GRADES_BY_SYSTEM, LIMITS, type UnlistedClimb } from '@sendlog/contract';
import { Button } from '../components/Button';
import { RadioChips } from '../components/RadioChips';
import { RouteForm } from '../components/RouteForm';
import type { RouteValues } from '../components/RouteForm';
import { common, spacing } from '../theme/theme';
import { EMPTY_DRAFT, unlistedClimbOf } from './unlistedClimbDraft';
import type { GradeSource, UnlistedClimbDraft } from './unlistedClimbDraft';

const KINDS = [
  { value: 'boulder' as const, label: 'Boulder' },
  { value: 'route' as const, label: 'Route' },
];
const SOURCES: { value: GradeSource; label: string; name: string }[] = [
  { value: 'V', label: 'V', name: 'V scale' },
  { value: 'Font', label: 'Font', name: 'Font scale' },
  { value: 'other', label: 'Other', name: 'Other grade (YDS, French, UIAA, a gym’s own)' },
];

/**
 * "Add a climb not on the wall", in any session: a climb no catalogue has, its name, boulder or
 * route, and its grade from the V or Font picker or typed as written (`5.11a`, `7b+`, `VI+`);
 * then the usual route form. Logged on the device, offline too.
 */
export function AddUnlistedClimb(props: {
  onAdd: (climb: UnlistedClimb, values: RouteValues) => boolean;
}) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<UnlistedClimbDraft>(EMPTY_DRAFT);
  const [chosen, setChosen] = useState<UnlistedClimb | null>(null);
  const [tried, setTried] = useState(false);
  const close = () => {
    setOpen(false);
    setDraft(EMPTY_DRAFT);
    setChosen(null);
    setTried(false);
  };
  const set = (change: Partial<UnlistedClimbDraft>) => setDraft((d) => ({ ...d, ...change }));
  if (!open) return <Button label="Add a climb not on the wall" onPress={() => setOpen(true)} />;
  if (chosen) {
    return (
      <RouteForm
        climbName={chosen.name}
        grade={chosen.grade}
        onSave={(values) => {
          if (props.onAdd(chosen, values)) close();
        }}
        onCancel={() => setChosen(null)}
      />
    );
  }
  const checked = unlistedClimbOf(draft);
  const errors = tried && 'errors' in checked ? checked.errors : {};
  const next = () => {
    setTried(true);
    if ('climb' in checked) setChosen(checked.climb);
  };
  return (
    <View style={common.card} aria-label="Add a climb not on the wall">
      <Text role="heading" aria-level={2} style={common.heading}>
        A climb not on the wall
      </Text>
      <TextInput
        aria-label="Climb name"
        placeholder="Its name"
        value={draft.name}
        maxLength={LIMITS.maxUnlistedName}
        onChangeText={(name) => set({ name })}
        style={common.input}
      />
      {errors.name ? <Text style={common.error}>{errors.name}</Text> : null}
      <RadioChips
        label="Boulder or route"
        chips={KINDS}
        value={draft.kind}
        onChange={(kind) => set({ kind })}
      />
      <RadioChips
        label="Grade scale"
        chips={SOURCES}
        value={draft.source}
        onChange={(source) => set({ source, grade: '' })}
      />
      {draft.source === 'other' ? (
        <TextInput
          aria-label="Grade as written"
          placeholder="5.11a, 7b+, VI+, pink…"
          value={draft.grade}
          maxLength={LIMITS.maxUnlistedGrade}
          onChangeText={(grade) => set({ grade })}
          style={common.input}
        />
      ) : (
        <RadioChips
          label="Grade"
          style={styles.grades}
          chips={GRADES_BY_SYSTEM[draft.source].map((g) => ({ value: g as string, label: g }))}
          value={draft.grade}
          onChange={(grade) => set({ grade })}
        />
      )}
      {errors.grade ? <Text style={common.error}>{errors.grade}</Text> : null}
      {draft.kind === 'route' || draft.source === 'other' ? (
        <Text style={common.muted}>
          Counted in your tries and sends; only V and Font boulders stand in the grade pyramid.
        </Text>
      ) : null}
      <Button label="Next" variant="primary" onPress={next} />
      <Button label="Cancel" variant="link" onPress={close} />
    </View>
  );
}

const styles = StyleSheet.create({
  grades: { flexWrap: 'wrap', gap: spacing.xs },
});
