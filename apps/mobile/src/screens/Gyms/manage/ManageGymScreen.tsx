import { useEffect } from 'react';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import type { ManageStackParams } from '../../../navigation/types';
import { SettersOnly } from '../../Manage/common/SettersOnly';
import { WallsList } from '../../Manage/walls/ManageWallsScreen';
import { GymStaffOnly, useGymName } from './GymStaffOnly';

type Props = NativeStackScreenProps<ManageStackParams, 'ManageGym'>;

/** One gym's Manage (`/manage/gym/<id>`): its walls, closed to anyone not on its staff. */
export function ManageGymScreen({ route, navigation }: Props) {
  const { gymId } = route.params;
  const name = useGymName(gymId);
  useEffect(() => {
    navigation.setOptions({ title: `Manage ${name}` });
  }, [navigation, name]);
  return (
    <SettersOnly>
      <GymStaffOnly gymId={gymId}>
        <WallsList gymId={gymId} />
      </GymStaffOnly>
    </SettersOnly>
  );
}
