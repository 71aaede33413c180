import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import type { GymRole, GymStaffMember } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { RadioChips } from '../../../components/RadioChips';
import { useServices, useUser } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { common, spacing } from '../../../theme/theme';
import { BusyLine } from '../../Manage/common/BusyLine';
import { LabeledField } from '../../Manage/common/LabeledField';
import { OfflineNotice } from '../../Manage/common/OfflineNotice';
import { refusalOf } from '../../Manage/common/refusal';
import type { Refusal } from '../../Manage/common/refusal';
import { SettersOnly } from '../../Manage/common/SettersOnly';
import { useManageCall } from '../../Manage/common/useManageCall';
import { GymStaffOnly, useGymName } from './GymStaffOnly';

type Props = NativeStackScreenProps<ManageStackParams, 'GymStaff'>;

const ROLES: readonly { value: GymRole; label: string }[] = [
  { value: 'setter', label: 'Setter: walls and climbs' },
  { value: 'admin', label: 'Admin: also staff and details' },
];

/** What a staff change's refusal means here, in the words of this screen. */
function staffMessage(refusal: Refusal): string {
  const code = refusal.code ?? null;
  if (code === 'not_found') {
    return 'No account has this email. They sign up in the app first, then you add them.';
  }
  if (code === 'last_gym_admin') return 'A gym keeps one admin at least: add another admin first.';
  return refusal.fields.email ? `Email: ${refusal.fields.email}` : refusal.message;
}

/** A gym's staff (its admins only): who sets and who runs it, added and removed by email. */
export function GymStaffScreen(props: Props) {
  return (
    <SettersOnly>
      <GymStaffOnly gymId={props.route.params.gymId} needs="admin">
        <StaffList {...props} />
      </GymStaffOnly>
    </SettersOnly>
  );
}

function StaffList({ route, navigation }: Props) {
  const { gymId } = route.params;
  const name = useGymName(gymId);
  const me = useUser();
  const services = useServices();
  const { run, busy, offline } = useManageCall();
  const [staff, setStaff] = useState<readonly GymStaffMember[] | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GymRole>('setter');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    navigation.setOptions({ title: `${name} staff` });
  }, [navigation, name]);

  // The list is read once a connection is there; a change answers the new list itself.
  useEffect(() => {
    const token = services.auth.getToken();
    if (offline || staff !== null || token === null) return;
    let current = true;
    void services.catalogueAdmin.gymStaff(token, gymId).then((result) => {
      if (!current) return;
      if (result.ok && result.data) setStaff(result.data.staff);
      else if (!result.ok) setMessage({ text: refusalOf(result).message, error: true });
    });
    return () => {
      current = false;
    };
  }, [services, offline, staff, gymId]);

  const change = async (target: string, next: GymRole | null, done: string) => {
    setMessage(null);
    const outcome = await run((api, token) =>
      api.setGymStaff(token, gymId, { email: target, role: next }),
    );
    if (!outcome.ok) {
      setMessage({ text: staffMessage(outcome.refusal), error: true });
      return false;
    }
    setStaff(outcome.data.staff);
    setMessage({ text: done, error: false });
    return true;
  };

  const add = async () => {
    const target = email.trim();
    if (target === '') {
      setMessage({ text: 'Type the email of their Sendlog account.', error: true });
      return;
    }
    if (await change(target, role, `${target} is now a ${role} at ${name}.`)) setEmail('');
  };

  return (
    <View style={common.screen}>
      <OfflineNotice offline={offline} />
      <ScrollView
        contentContainerStyle={[common.content, styles.column]}
        keyboardShouldPersistTaps="handled"
      >
        <View style={common.card}>
          <Text role="heading" aria-level={2} style={common.title}>
            Add someone
          </Text>
          <Text style={common.muted}>
            Setters manage {name}&apos;s walls and climbs; admins also its staff and details. They
            see it in Manage at their next refresh.
          </Text>
          <LabeledField
            label="Email"
            value={email}
            onChangeText={setEmail}
            autoCapitalize="none"
            onSubmitEditing={() => void add()}
          />
          <RadioChips label="Role" chips={ROLES} value={role} onChange={setRole} />
          <Button
            label="Add to staff"
            variant="primary"
            disabled={offline || busy}
            onPress={() => void add()}
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
        <Text role="heading" aria-level={2} style={common.title}>
          Staff
        </Text>
        {staff === null ? (
          <Text style={common.muted}>
            {offline ? 'The staff list needs a connection.' : 'Loading the staff…'}
          </Text>
        ) : (
          staff.map((member) => (
            <View key={member.userId} style={[common.card, styles.member]}>
              <View style={styles.grow}>
                <Text style={common.heading}>{member.name ?? member.email}</Text>
                <Text style={common.muted}>
                  {member.name ? `${member.email} · ` : ''}
                  {member.role === 'admin' ? 'Admin' : 'Setter'}
                  {member.userId === me?.id ? ' · you' : ''}
                </Text>
              </View>
              <Button
                label="Remove"
                name={`Remove ${member.email} from the staff`}
                small
                variant="danger"
                disabled={offline || busy}
                onPress={() =>
                  void change(member.email, null, `${member.email} is no longer on the staff.`)
                }
              />
            </View>
          ))
        )}
      </ScrollView>
    </View>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
  member: { flexDirection: 'row', alignItems: 'center', flexWrap: 'wrap' },
  grow: { flex: 1, minWidth: 180, gap: 2 },
});
