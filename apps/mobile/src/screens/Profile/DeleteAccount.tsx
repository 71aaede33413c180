import { useState } from 'react';
import { Text, TextInput, View } from 'react-native';
import { Button } from '../../components/Button';
import { useOnline, useServices } from '../../hooks/services';
import { colors, common } from '../../theme/theme';
import { ExportLogbook } from './ExportLogbook';

type Step = 'idle' | 'export' | 'confirm';

/**
 * Profile → "Delete account": first offers the export (the only copy that will be left), then
 * asks for the password, then deletes the account on the server, signs out, and removes the
 * account's sessions from this device. Other accounts' sessions on a shared device stay.
 */
export function DeleteAccount() {
  const services = useServices();
  const online = useOnline();
  const [step, setStep] = useState<Step>('idle');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const cancel = () => {
    setStep('idle');
    setPassword('');
    setError(null);
  };
  const remove = async () => {
    setBusy(true);
    setError(null);
    const result = await services.deleteAccount(password);
    // On success the app leaves this screen for the sign-in form.
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
    }
  };

  if (step === 'idle') {
    return (
      <View style={common.card}>
        <Button label="Delete account" variant="danger" onPress={() => setStep('export')} />
      </View>
    );
  }
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Delete account
      </Text>
      <Text style={common.body}>
        Deletes the account and every session it logged, from the server and from this device. This
        cannot be undone.
      </Text>
      {step === 'export' ? (
        <>
          <ExportLogbook beforeDelete />
          <View style={common.row}>
            <Button label="Continue" variant="danger" onPress={() => setStep('confirm')} />
            <Button label="Cancel" onPress={cancel} />
          </View>
        </>
      ) : (
        <>
          {online === false ? (
            <Text role="status" style={{ color: colors.warning }}>
              You are offline: deleting your account needs a connection.
            </Text>
          ) : null}
          <TextInput
            aria-label="Your password"
            placeholder="Your password, to confirm"
            value={password}
            onChangeText={setPassword}
            secureTextEntry
            autoComplete="current-password"
            style={common.input}
          />
          {error ? (
            <Text role="alert" style={common.error}>
              {error}
            </Text>
          ) : null}
          <View style={common.row}>
            <Button
              label={busy ? 'Deleting…' : 'Delete my account'}
              variant="danger"
              disabled={busy || password === ''}
              onPress={() => void remove()}
            />
            <Button label="Cancel" onPress={cancel} />
          </View>
        </>
      )}
    </View>
  );
}
