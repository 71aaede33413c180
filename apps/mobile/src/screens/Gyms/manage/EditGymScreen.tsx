import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { GRADE_SYSTEMS } from '@sendlog/contract';
import type { Gym, GradeSystem } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { RadioChips } from '../../../components/RadioChips';
import { useMyGyms } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { common, spacing } from '../../../theme/theme';
import { BusyLine } from '../../Manage/common/BusyLine';
import { LabeledField } from '../../Manage/common/LabeledField';
import { OfflineNotice } from '../../Manage/common/OfflineNotice';
import { messageFor } from '../../Manage/common/refusal';
import { SettersOnly } from '../../Manage/common/SettersOnly';
import { useManageCall } from '../../Manage/common/useManageCall';
import { GymStaffOnly } from './GymStaffOnly';

type Props = NativeStackScreenProps<ManageStackParams, 'EditGym'>;

const SYSTEMS = GRADE_SYSTEMS.map((system) => ({
  value: system,
  label: system === 'V' ? 'V scale' : 'Font',
}));
const FIELDS = ['name', 'city', 'country', 'timeZone', 'gradeSystem'];

/** A gym's details (its admins): name, where it is, the time zone its figures are counted in. */
export function EditGymScreen(props: Props) {
  const gym = useMyGyms().gyms?.find((g) => g.id === props.route.params.gymId);
  return (
    <SettersOnly>
      <GymStaffOnly gymId={props.route.params.gymId} needs="admin">
        {gym ? (
          <GymForm gym={gym} {...props} />
        ) : (
          <View style={common.content}>
            <Text style={common.body}>This gym is not on this device yet.</Text>
          </View>
        )}
      </GymStaffOnly>
    </SettersOnly>
  );
}

function GymForm({ gym, navigation }: Props & { gym: Gym }) {
  const { run, busy, offline } = useManageCall();
  const [name, setName] = useState(gym.name);
  const [city, setCity] = useState(gym.city ?? '');
  const [country, setCountry] = useState(gym.country ?? '');
  const [timeZone, setTimeZone] = useState(gym.timeZone);
  const [gradeSystem, setGradeSystem] = useState<GradeSystem>(gym.gradeSystem);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    navigation.setOptions({ title: `${gym.name} details` });
  }, [navigation, gym.name]);

  const save = async () => {
    setMessage(null);
    const outcome = await run((api, token) =>
      // An empty city or country clears it (the server reads "" as none).
      api.updateGym(token, gym.id, { name, city, country, timeZone: timeZone.trim(), gradeSystem }),
    );
    if (!outcome.ok) {
      setFields({ ...outcome.refusal.fields });
      setMessage({ text: messageFor(outcome.refusal, FIELDS), error: true });
      return;
    }
    setFields({});
    setMessage({ text: `Saved ${outcome.data.gym.name}.`, error: false });
  };

  return (
    <View style={common.screen}>
      <OfflineNotice offline={offline} />
      <ScrollView
        contentContainerStyle={[common.content, styles.column]}
        keyboardShouldPersistTaps="handled"
      >
        <View style={common.card}>
          <LabeledField label="Gym name" value={name} onChangeText={setName} error={fields.name} />
          <LabeledField label="City" value={city} onChangeText={setCity} error={fields.city} />
          <LabeledField
            label="Country"
            value={country}
            onChangeText={setCountry}
            error={fields.country}
          />
          <LabeledField
            label="Time zone"
            hint="As an IANA name, e.g. Europe/Zurich: the gym's figures are counted in it."
            value={timeZone}
            onChangeText={setTimeZone}
            autoCapitalize="none"
            error={fields.timeZone}
          />
          <Text style={common.heading}>Grade system of new walls</Text>
          <RadioChips
            label="Grade system of new walls"
            chips={SYSTEMS}
            value={gradeSystem}
            onChange={setGradeSystem}
          />
          <Text style={common.muted}>
            Its link stays /g/{gym.slug}: printed posters keep working.
          </Text>
          <Button
            label="Save details"
            variant="primary"
            disabled={offline || busy}
            onPress={() => void save()}
          />
          <BusyLine busy={busy} text="Saving…" />
          {message ? (
            <Text
              role={message.error ? 'alert' : 'status'}
              style={message.error ? common.error : common.body}
            >
              {message.text}
            </Text>
          ) : null}
        </View>
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
});
