import { Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { common } from '../../theme/theme';

export function StartSessionCard({ onStart }: { onStart: () => void }) {
  return (
    <View style={common.card}>
      <Text style={common.body}>Start a session, then log each climb you try.</Text>
      <Button label="Start session" variant="primary" onPress={onStart} />
    </View>
  );
}
