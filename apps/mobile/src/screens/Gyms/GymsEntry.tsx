import { Text, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { NativeStackNavigationProp } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { useMyGyms } from '../../hooks/services';
import type { ProfileStackParams } from '../../navigation/types';
import { common } from '../../theme/theme';

/** Profile's line for the gyms followed, opening Profile → Gyms. */
export function GymsEntry() {
  const navigation = useNavigation<NativeStackNavigationProp<ProfileStackParams>>();
  const mine = useMyGyms();
  const names = (mine.gyms ?? []).filter((g) => g.following).map((g) => g.name);
  return (
    <View style={common.card}>
      <Text style={common.body}>
        {names.length === 0 ? 'You follow no gym yet.' : `Following ${names.join(', ')}`}
      </Text>
      <Button label="Your gyms" onPress={() => navigation.navigate('Gyms')} />
    </View>
  );
}
