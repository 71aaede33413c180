import { useState } from 'react';
import { Text, TextInput, View } from 'react-native';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { useOnline, useServices } from '../../hooks/services';
import { common } from '../../theme/theme';

/**
 * Profile → "Change password": the current password and a new one. On success the server's new
 * token replaces this device's, and every other device of the account asks for a new sign-in
 * (their unsynced sessions stay on them and sync after it).
 */
export function ChangePassword() {
  const { auth } = useServices();
  const online = useOnline();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);

  const close = () => {
    setOpen(false);
    setCurrent('');
    setNext('');
    setError(null);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    const result = await auth.changePassword(current, next);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    close();
    setChanged(true);
  };

  if (!open) {
    return (
      <View style={common.card}>
        {changed ? (
          <Text role="status" aria-live="polite" style={common.body}>
            Password changed. Your other devices ask for the new one; what they logged stays on them
            and syncs after that sign-in.
          </Text>
        ) : null}
        <Button
          label="Change password"
          onPress={() => {
            setChanged(false);
            setOpen(true);
          }}
        />
      </View>
    );
  }
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Change password
      </Text>
      {online === false ? (
        <Text role="status" style={common.muted}>
          You are offline: changing your password needs a connection.
        </Text>
      ) : null}
      <TextInput
        aria-label="Current password"
        placeholder="Current password"
        value={current}
        onChangeText={setCurrent}
        secureTextEntry
        autoComplete="current-password"
        style={common.input}
      />
      <TextInput
        aria-label="New password"
        placeholder={`New password (at least ${LIMITS.minPasswordLength} characters)`}
        value={next}
        onChangeText={setNext}
        secureTextEntry
        autoComplete="new-password"
        onSubmitEditing={() => void submit()}
        style={common.input}
      />
      {error ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
      <View style={common.row}>
        <Button
          label={busy ? 'Changing…' : 'Save new password'}
          variant="primary"
          disabled={busy || current === '' || next === ''}
          onPress={() => void submit()}
        />
        <Button label="Cancel" onPress={close} />
      </View>
    </View>
  );
}
