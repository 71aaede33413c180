import { useNavigation } from '@react-navigation/native';
import type { NativeStackNavigationProp } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { useUser } from '../../hooks/services';
import type { LayoutsStackParams } from '../../navigation/types';
import { canManage } from './shared/canManage';

/**
 * "Manage" in the Layouts header, for setters and admins only: a climber's app never shows it. A
 * role granted later appears after the next catalogue refresh (which re-reads the account).
 */
export function ManageEntry() {
  const user = useUser();
  const navigation = useNavigation<NativeStackNavigationProp<LayoutsStackParams>>();
  if (!canManage(user)) return null;
  return (
    <Button
      label="Manage"
      name="Manage walls"
      variant="link"
      onPress={() => navigation.navigate('ManageWalls')}
    />
  );
}
