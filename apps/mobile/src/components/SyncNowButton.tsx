import { Text, View } from 'react-native';
import { useServices } from '../hooks/services';
import { useSyncState } from '../hooks/sessions';
import { progressText, viewSyncState } from '../sync/syncStateView';
import { common } from '../theme/theme';
import { Button } from './Button';

/** "Sync now", with the running sync's progress beside it ("Syncing 3 of 12…"). */
export function SyncNowButton() {
  const services = useServices();
  const progress = progressText(viewSyncState(useSyncState()));
  return (
    <View style={common.row}>
      <Button label="Sync now" variant="primary" onPress={() => void services.syncNow()} />
      {progress ? (
        <Text style={common.muted} role="status">
          {progress}
        </Text>
      ) : null}
    </View>
  );
}
