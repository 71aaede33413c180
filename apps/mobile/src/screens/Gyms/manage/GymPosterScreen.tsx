import { useEffect } from 'react';
import { Platform, ScrollView, StyleSheet, Text, View } from 'react-native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { QrCode } from '../../../components/qr/QrCode';
import { apiBaseUrl } from '../../../config/apiBaseUrl';
import { gymLink } from '../../../gyms/gymLink';
import { useMyGyms } from '../../../hooks/services';
import type { ManageStackParams } from '../../../navigation/types';
import { colors, common, spacing } from '../../../theme/theme';
import { SettersOnly } from '../../Manage/common/SettersOnly';
import { GymStaffOnly } from './GymStaffOnly';

type Props = NativeStackScreenProps<ManageStackParams, 'GymPoster'>;

/** A poster for the gym's desk (its admins): a QR code of the gym's link, to print. */
export function GymPosterScreen(props: Props) {
  return (
    <SettersOnly>
      <GymStaffOnly gymId={props.route.params.gymId} needs="admin">
        <Poster {...props} />
      </GymStaffOnly>
    </SettersOnly>
  );
}

function Poster({ route, navigation }: Props) {
  const gym = useMyGyms().gyms?.find((g) => g.id === route.params.gymId);
  useEffect(() => {
    navigation.setOptions({ title: 'Poster' });
  }, [navigation]);
  if (!gym) {
    return (
      <View style={common.content}>
        <Text style={common.body}>This gym is not on this device yet.</Text>
      </View>
    );
  }
  const link = gymLink(apiBaseUrl(), gym.slug);
  const canPrint = Platform.OS === 'web' && typeof window !== 'undefined' && 'print' in window;
  return (
    <ScrollView style={common.screen} contentContainerStyle={[common.content, styles.column]}>
      <View style={styles.poster} testID="gym-poster">
        <Text role="heading" aria-level={2} style={styles.name}>
          {gym.name}
        </Text>
        <Text style={styles.lead}>Log your climbs here with Sendlog, even with no signal.</Text>
        <QrCode value={link} size={280} label={`QR code of ${link}`} />
        <Text style={styles.lead}>
          Scan to follow {gym.name}: its walls and climbs on your phone.
        </Text>
        <Text style={styles.link}>{link}</Text>
      </View>
      {canPrint ? (
        <Button label="Print poster" variant="primary" onPress={() => window.print()} />
      ) : (
        <Text style={common.muted}>Open Manage on a computer to print the poster.</Text>
      )}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
  poster: {
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 10,
    padding: spacing.xl,
    alignItems: 'center',
    gap: spacing.lg,
  },
  name: { fontSize: 32, fontWeight: '800', color: colors.text, textAlign: 'center' },
  lead: { fontSize: 18, color: colors.text, textAlign: 'center' },
  link: { fontSize: 16, fontWeight: '600', color: colors.text, textAlign: 'center' },
});
