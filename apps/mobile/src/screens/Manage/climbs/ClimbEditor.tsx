import { useEffect, useRef, useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import type { TextInput } from 'react-native';
import { pointerWord } from '../../../format/pointerWord';
import type { GradeSystem } from '@sendlog/contract';
import { Button } from '../../../components/Button';
import { BusyLine } from '../common/BusyLine';
import { colors, common } from '../../../theme/theme';
import type { ClimbDraft } from './climbForm';
import { HoldColorPicker } from './HoldColorPicker';
import { LabeledField } from '../common/LabeledField';
import { SpotFields } from './SpotFields';
import { GradeChoices } from './GradeChoices';

/** Where a spot is, in words: the picture's dots are not everyone's way in. */
export function positionText(position: ClimbDraft['position']): string {
  if (position === null) return 'Not placed on the picture.';
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  return `Starts ${percent(position.x)} across, ${percent(position.y)} down the picture.`;
}

interface Props {
  title: string;
  draft: ClimbDraft;
  onChange: (draft: ClimbDraft) => void;
  gradeSystem: GradeSystem;
  hasPicture: boolean;
  /** Only a new climb takes a setter's name (PATCH /climbs/:id has no `setter`). */
  showSetter: boolean;
  /** Refused fields, from the form's own check or the server's `details`. */
  fields: Readonly<Record<string, string>>;
  message: string | null;
  saveLabel: string;
  /** The save is on its way: said beside the button, whose name stays what it shows. */
  busy: boolean;
  onSave: () => void;
  onCancel: () => void;
  disabled: boolean;
  /**
   * The name as another climb up on this wall already has it: a warning, not a refusal (two
   * "Warm-up"s happen), so the setter can tell the climbers apart before saving.
   */
  sameName?: string | null;
  /** Counts the spots placed on the picture: each one brings focus to the climb's name. */
  placed?: number;
}

/**
 * A climb's fields. Controlled: the draft lives in the screen, so nothing typed is lost when the
 * window changes between wide and narrow, or while the connection is away.
 */
export function ClimbEditor(props: Props) {
  const { draft, onChange, fields } = props;
  const set = (patch: Partial<ClimbDraft>) => onChange({ ...draft, ...patch });
  const [spotValid, setSpotValid] = useState(true);
  const name = useRef<TextInput>(null);
  const { placed } = props;
  useEffect(() => {
    if (placed) name.current?.focus();
  }, [placed]);
  // Enter in a field saves, as a form does.
  const submit = () => {
    if (!props.disabled && spotValid) props.onSave();
  };
  return (
    <View style={common.card} role="group" aria-label={props.title}>
      <Text role="heading" aria-level={2} style={common.title}>
        {props.title}
      </Text>
      <Text style={common.body}>{positionText(draft.position)}</Text>
      {props.hasPicture ? (
        <>
          <Text style={common.muted}>
            {`${pointerWord().Press} the picture where the climb starts, or drag its dot, to move its spot; or give it in numbers.`}
          </Text>
          <SpotFields
            position={draft.position}
            onChange={(position) => set({ position })}
            onValid={setSpotValid}
          />
        </>
      ) : null}
      {fields.position ? (
        <Text role="alert" style={common.error}>
          {fields.position}
        </Text>
      ) : null}
      <LabeledField
        ref={name}
        label="Climb name"
        onSubmitEditing={submit}
        value={draft.name}
        onChangeText={(name) => set({ name })}
        error={fields.name}
      />
      {props.sameName ? (
        <Text role="status" style={[common.body, styles.warning]}>
          {`Another climb on this wall is already called ${props.sameName}. You can still save it.`}
        </Text>
      ) : null}
      <GradeChoices
        system={props.gradeSystem}
        value={draft.grade}
        onChange={(grade) => set({ grade })}
        error={fields.grade}
      />
      <HoldColorPicker
        value={draft.color}
        onChange={(color) => set({ color })}
        error={fields.color}
      />
      {props.showSetter ? (
        <LabeledField
          label="Setter"
          hint="Optional: who set it."
          value={draft.setter}
          onSubmitEditing={submit}
          onChangeText={(setter) => set({ setter })}
          error={fields.setter}
        />
      ) : null}
      {props.message ? (
        <Text role="alert" style={common.error}>
          {props.message}
        </Text>
      ) : null}
      <View style={common.row}>
        <Button
          label={props.saveLabel}
          variant="primary"
          disabled={props.disabled || !spotValid}
          onPress={props.onSave}
        />
        <Button label="Cancel" onPress={props.onCancel} />
      </View>
      <BusyLine busy={props.busy} text="Saving…" />
    </View>
  );
}

const styles = StyleSheet.create({
  warning: { color: colors.warning },
});
