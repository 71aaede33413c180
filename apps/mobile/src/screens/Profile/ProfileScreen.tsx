import { useState } from 'react';
import { ScrollView, Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { formatDateTime } from '../../format/time';
import { plural } from '../../format/plural';
import { SyncBanner } from '../../components/SyncBanner';
import { SyncNowButton } from '../../components/SyncNowButton';
import { useAuthState, useServices } from '../../hooks/services';
import { useSessions, useSyncState } from '../../hooks/sessions';
import { viewSyncState } from '../../sync/syncStateView';
import { colors, common } from '../../theme/theme';
import { GymsEntry } from '../Gyms/GymsEntry';
import { ChangePassword } from './ChangePassword';
import { DeleteAccount } from './DeleteAccount';
import { ExportLogbook } from './ExportLogbook';
import { GradeSystemSetting } from './GradeSystemSetting';

/**
 * The account, what waits to sync, signing out (which keeps unsynced sessions), the password and
 * closing the account.
 */
export function ProfileScreen() {
  const services = useServices();
  const auth = useAuthState();
  const sessions = useSessions();
  const sync = viewSyncState(useSyncState());
  const [confirmSignOut, setConfirmSignOut] = useState(false);
  const [everywhere, setEverywhere] = useState<'idle' | 'confirming' | 'working'>('idle');
  const [everywhereError, setEverywhereError] = useState<string | null>(null);
  const signOutEverywhere = async () => {
    setEverywhere('working');
    setEverywhereError(null);
    const result = await services.signOutEverywhere();
    // On success the app leaves this screen for the sign-in form.
    if (!result.ok) {
      setEverywhereError(result.message);
      setEverywhere('confirming');
    }
  };
  const pending = sessions.filter(
    (s) => s.status === 'completed' || s.status === 'sync_failed',
  ).length;
  const unsynced = sessions.filter((s) => s.status !== 'synced').length;
  const user = auth.status === 'signedIn' ? auth.user : null;

  return (
    <View style={common.screen}>
      <SyncBanner />
      <ScrollView contentContainerStyle={common.content}>
        <View style={common.card}>
          {/* The header's "Profile" is the screen's h1. */}
          <Text role="heading" aria-level={2} style={common.title}>
            {user?.name ?? 'Climber'}
          </Text>
          <Text style={common.muted}>{user?.email}</Text>
        </View>
        <View style={common.card}>
          <Text style={common.body}>Sessions pending sync: {pending}</Text>
          <Text style={common.body}>
            Last successful sync: {sync.lastSyncAt ? formatDateTime(sync.lastSyncAt) : 'never'}
          </Text>
          <SyncNowButton />
        </View>
        <GymsEntry />
        <GradeSystemSetting />
        <ExportLogbook />
        <ChangePassword />
        <View style={common.card}>
          {confirmSignOut ? (
            <>
              <Text role="alert" style={{ color: colors.warning }}>
                {plural(unsynced, 'session is', 'sessions are')} not synced yet. They stay on this
                device and sync after you sign in again.
              </Text>
              <View style={common.row}>
                <Button
                  label="Sign out anyway"
                  variant="danger"
                  onPress={() => void services.signOut()}
                />
                <Button label="Cancel" onPress={() => setConfirmSignOut(false)} />
              </View>
            </>
          ) : (
            <Button
              label="Sign out"
              variant="danger"
              onPress={() => (unsynced > 0 ? setConfirmSignOut(true) : void services.signOut())}
            />
          )}
        </View>
        <View style={common.card}>
          {everywhere === 'idle' ? (
            <Button
              label="Sign out on every device"
              variant="link"
              onPress={() => setEverywhere('confirming')}
            />
          ) : (
            <>
              <Text style={common.body}>
                Ends this account&apos;s sign-in on every phone and browser, this one included (a
                lost phone, a shared computer). Sessions not synced yet stay on their device and
                sync after the next sign-in there.
              </Text>
              {everywhereError ? (
                <Text role="alert" style={common.error}>
                  {everywhereError}
                </Text>
              ) : null}
              <View style={common.row}>
                <Button
                  label="Sign out everywhere"
                  variant="danger"
                  disabled={everywhere === 'working'}
                  onPress={() => void signOutEverywhere()}
                />
                <Button
                  label="Cancel"
                  onPress={() => {
                    setEverywhere('idle');
                    setEverywhereError(null);
                  }}
                />
              </View>
            </>
          )}
        </View>
        <DeleteAccount />
      </ScrollView>
    </View>
  );
}
