import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { GRADE_SYSTEMS } from '@sendlog/contract';
import type { GradeSystem } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { BusyLine } from '../common/BusyLine';
import type { ManageStackParams } from '../../../navigation/types';
import { common, spacing } from '../../../theme/theme';
import { LabeledField } from '../common/LabeledField';
import { OfflineNotice } from '../common/OfflineNotice';
import { messageFor } from '../common/refusal';
import { SettersOnly } from '../common/SettersOnly';
import { GymStaffOnly } from '../../Gyms/manage/GymStaffOnly';
import { useMyGyms } from '../../../hooks/services';
import { useManageCall } from '../common/useManageCall';
import { checkWallDraft } from './wallForm';

type Props = NativeStackScreenProps<ManageStackParams, 'NewWall'>;

const SYSTEM_LABELS: Record<GradeSystem, string> = {
  V: 'V scale (V0, V4…)',
  Font: 'Font (6A, 7B+…)',
};

export function NewWallScreen(props: Props) {
  return (
    <SettersOnly>
      {props.route.params?.gymId ? (
        <GymStaffOnly gymId={props.route.params.gymId}>
          <NewWallForm {...props} />
        </GymStaffOnly>
      ) : (
        <NewWallForm {...props} />
      )}
    </SettersOnly>
  );
}

/** Name, description and grade system; the grade system never changes once the wall exists. */
function NewWallForm({ navigation, route }: Props) {
  const gymId = route.params?.gymId;
  const { run, busy, offline } = useManageCall();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  // The gym's grade system first: most of its walls are graded alike.
  const gym = useMyGyms().gyms?.find((g) => g.id === gymId);
  const [gradeSystem, setGradeSystem] = useState<GradeSystem>(gym?.gradeSystem ?? 'V');
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const create = async () => {
    setMessage(null);
    const checked = checkWallDraft({ name, description, gradeSystem });
    if (!checked.ok) {
      setFields(checked.fields);
      return;
    }
    setFields({});
    const outcome = await run((api, token) =>
      gymId
        ? api.createGymLayout(token, gymId, checked.body)
        : api.createLayout(token, checked.body),
    );
    if (!outcome.ok) {
      setFields({ ...outcome.refusal.fields });
      setMessage(messageFor(outcome.refusal, ['name', 'description', 'gradeSystem']));
      return;
    }
    // The new wall's own screen, with "back" leading to the list rather than this empty form.
    navigation.replace('ManageWall', { layoutId: outcome.data.layout.id });
  };

  return (
    <View style={common.screen}>
      <OfflineNotice offline={offline} />
      <ScrollView
        contentContainerStyle={[common.content, styles.column]}
        keyboardShouldPersistTaps="handled"
      >
        <View style={common.card}>
          <LabeledField label="Wall name" value={name} onChangeText={setName} error={fields.name} />
          <LabeledField
            label="Description"
            hint="Optional: the angle, the style, where it is in the gym."
            value={description}
            onChangeText={setDescription}
            multiline
            error={fields.description}
          />
          <Text style={common.heading} nativeID="grade-system-label">
            Grade system
          </Text>
          <Text style={common.muted}>Climbs on this wall are graded in it; it cannot change.</Text>
          <View role="radiogroup" aria-labelledby="grade-system-label" style={common.row}>
            {GRADE_SYSTEMS.map((system) => (
              <Button
                key={system}
                label={SYSTEM_LABELS[system]}
                checked={gradeSystem === system}
                onPress={() => setGradeSystem(system)}
              />
            ))}
          </View>
          {fields.gradeSystem ? (
            <Text role="alert" style={common.error}>
              {fields.gradeSystem}
            </Text>
          ) : null}
          {message ? (
            <Text role="alert" style={common.error}>
              {message}
            </Text>
          ) : null}
          <Button
            label="Create wall"
            variant="primary"
            disabled={offline || busy}
            onPress={() => void create()}
          />
          <BusyLine busy={busy} text="Creating the wall…" />
        </View>
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
});
