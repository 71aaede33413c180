import { useState } from 'react';
import { Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { LIMITS } from '@sendlog/contract';
import { colors, common, spacing } from '../theme/theme';
import { Button } from './Button';
import { LimitedTextInput } from './LimitedTextInput';
import { notesOrNull } from '@sendlog/rules';

export interface RouteValues {
  isSuccess: boolean;
  attempts: number;
  rating: number | null;
  gradeOpinion: string | null;
  notes: string | null;
}

const NEW_ROUTE: RouteValues = {
  isSuccess: true,
  attempts: 1,
  rating: null,
  gradeOpinion: null,
  notes: null,
};

export interface RouteFormProps {
  climbName: string;
  grade: string | null;
  initial?: RouteValues;
  onSave: (values: RouteValues) => void;
  onCancel: () => void;
}

function parseAttempts(text: string): number | null {
  if (!/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= LIMITS.minAttempts && n <= LIMITS.maxAttempts ? n : null;
}

/** Logs or edits one route: sent or not, attempts, and the optional quality, grade and notes. */
export function RouteForm({
  climbName,
  grade,
  initial = NEW_ROUTE,
  onSave,
  onCancel,
}: RouteFormProps) {
  const [isSuccess, setIsSuccess] = useState(initial.isSuccess);
  const [attemptsText, setAttemptsText] = useState(String(initial.attempts));
  const [rating, setRating] = useState(initial.rating);
  const [gradeOpinion, setGradeOpinion] = useState(initial.gradeOpinion ?? '');
  const [notes, setNotes] = useState(initial.notes ?? '');
  const attempts = parseAttempts(attemptsText);

  const step = (delta: number) => {
    // From an empty or invalid field either button starts at the first attempt.
    const next =
      attempts === null
        ? LIMITS.minAttempts
        : Math.min(LIMITS.maxAttempts, Math.max(LIMITS.minAttempts, attempts + delta));
    setAttemptsText(String(next));
  };

  const save = () => {
    if (attempts === null) return;
    onSave({
      isSuccess,
      attempts,
      rating,
      gradeOpinion: notesOrNull(gradeOpinion)?.trim() ?? null,
      notes: notesOrNull(notes),
    });
  };

  return (
    <View style={common.card} aria-label={`Route form for ${climbName}`}>
      <Text style={common.heading}>
        {climbName}
        {grade ? <Text style={common.muted}>{`  ${grade}`}</Text> : null}
      </Text>

      <View role="radiogroup" aria-label="Result" style={common.row}>
        <Choice label="Sent" checked={isSuccess} onPress={() => setIsSuccess(true)} />
        <Choice label="Not sent" checked={!isSuccess} onPress={() => setIsSuccess(false)} />
      </View>

      <Text style={common.muted}>Attempts</Text>
      <View style={common.row}>
        <Button label="−" name="Fewer attempts" small onPress={() => step(-1)} />
        <TextInput
          aria-label="Attempts"
          value={attemptsText}
          onChangeText={setAttemptsText}
          keyboardType="number-pad"
          inputMode="numeric"
          maxLength={3}
          style={[common.input, styles.attempts]}
        />
        <Button label="+" name="More attempts" small onPress={() => step(1)} />
      </View>
      {attempts === null ? (
        <Text style={common.error} role="alert">
          Attempts must be a whole number from {LIMITS.minAttempts} to {LIMITS.maxAttempts}.
        </Text>
      ) : null}

      <Text style={common.muted}>Quality (optional)</Text>
      <View role="radiogroup" aria-label="Quality" style={common.row}>
        {[1, 2, 3, 4, 5].map((stars) => (
          <Pressable
            key={stars}
            role="radio"
            aria-checked={rating === stars}
            aria-label={stars === 1 ? '1 star' : `${stars} stars`}
            onPress={() => setRating(rating === stars ? null : stars)}
            style={styles.starTarget}
          >
            {/* Filled or hollow, so the rating reads by shape as well as by colour. */}
            <Text style={[styles.star, rating !== null && stars <= rating && styles.starOn]}>
              {rating !== null && stars <= rating ? '★' : '☆'}
            </Text>
          </Pressable>
        ))}
      </View>

      <TextInput
        aria-label="Your grade"
        placeholder="Your grade (optional)"
        value={gradeOpinion}
        onChangeText={setGradeOpinion}
        maxLength={LIMITS.maxGradeOpinion}
        autoCapitalize="characters"
        style={common.input}
      />
      <LimitedTextInput
        aria-label="Route notes"
        placeholder="Route notes (optional)"
        value={notes}
        onChangeText={setNotes}
        max={LIMITS.maxRouteNotes}
        multiline
        style={[common.input, styles.notes]}
      />
      <View style={common.row}>
        <Button label="Save route" variant="primary" disabled={attempts === null} onPress={save} />
        <Button label="Cancel" variant="link" onPress={onCancel} />
      </View>
    </View>
  );
}

function Choice(props: { label: string; checked: boolean; onPress: () => void }) {
  return (
    <Pressable
      role="radio"
      aria-checked={props.checked}
      aria-label={props.label}
      onPress={props.onPress}
      style={[styles.choice, props.checked && styles.choiceOn]}
    >
      <Text style={[styles.choiceLabel, props.checked && styles.choiceLabelOn]}>{props.label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  // Widths and heights are minimums: text grows with the phone's font size and must not clip.
  attempts: { minWidth: 64, textAlign: 'center' },
  notes: { minHeight: 60, textAlignVertical: 'top' },
  starTarget: { minWidth: 44, minHeight: 44, alignItems: 'center', justifyContent: 'center' },
  star: { fontSize: 26, color: colors.muted },
  starOn: { color: colors.star },
  choice: {
    minHeight: 44,
    justifyContent: 'center',
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 999,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.xs + 2,
    backgroundColor: colors.surface,
  },
  choiceOn: { backgroundColor: colors.success, borderColor: colors.success },
  choiceLabel: { fontSize: 14, fontWeight: '600', color: colors.text },
  choiceLabelOn: { color: colors.successText },
});
