import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { common, spacing } from '../../theme/theme';
import { GymFinder } from './GymFinder';
import { LogElsewhere } from '../../elsewhere/LogElsewhere';

/**
 * The walls tab of an account that follows no gym yet (on a server of several gyms: a server's
 * only gym is followed without asking): find yours.
 */
export function FirstRunGyms() {
  return (
    <ScrollView
      contentContainerStyle={[common.content, styles.column]}
      keyboardShouldPersistTaps="handled"
    >
      <View style={common.card}>
        <Text role="heading" aria-level={2} style={common.title}>
          Welcome to Sendlog
        </Text>
        <Text style={common.body}>
          Follow the gyms you climb at: their walls and climbs are kept on this phone, so you log at
          the wall with no signal. You can follow more, or unfollow, in Profile → Gyms.
        </Text>
      </View>
      <View style={common.card}>
        <GymFinder label="Find your gym" />
      </View>
      {/* Climbing where no gym is on the server (a crag): a session elsewhere needs no gym. */}
      <LogElsewhere />
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
});
