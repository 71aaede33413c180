import { Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { common } from '../../theme/theme';

/** One session runs at a time: a wall opened while another's runs points to that one. */
export function SessionElsewhereCard(props: { layoutName: string | null; onOpen: () => void }) {
  return (
    <View style={common.card}>
      <Text style={common.body}>A session is running on {props.layoutName ?? 'another wall'}.</Text>
      <Button label="Go to that session" onPress={props.onOpen} />
    </View>
  );
}
