import { useState } from 'react';
import { KeyboardAvoidingView, ScrollView, StyleSheet, Text, TextInput, View } from 'react-native';
import { DEMO_ACCOUNT } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { useServices } from '../../hooks/services';
import { colors, common, spacing } from '../../theme/theme';

type Mode = 'signIn' | 'register';

export function SignInScreen() {
  const { auth } = useServices();
  const [mode, setMode] = useState<Mode>('signIn');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const result =
      mode === 'signIn'
        ? await auth.signIn(email, password)
        : await auth.register(email, password, name);
    setBusy(false);
    if (!result.ok) setError(result.message);
  };

  const title = mode === 'signIn' ? 'Sign in' : 'Create account';
  return (
    // Signed out there is no navigator: this screen is the main landmark, "Sendlog" its one h1.
    <KeyboardAvoidingView role="main" style={common.screen} behavior="padding">
      <ScrollView contentContainerStyle={[common.content, styles.content]}>
        <Text role="heading" aria-level={1} style={styles.brand}>
          Sendlog
        </Text>
        <Text style={common.muted}>Log every attempt, even with no signal at the wall.</Text>
        <View style={common.card}>
          <Text role="heading" aria-level={2} style={common.title}>
            {title}
          </Text>
          {mode === 'register' ? (
            <TextInput
              aria-label="Name"
              placeholder="Name (optional)"
              value={name}
              onChangeText={setName}
              autoComplete="name"
              style={common.input}
            />
          ) : null}
          <TextInput
            aria-label="Email"
            placeholder="Email"
            value={email}
            onChangeText={setEmail}
            autoCapitalize="none"
            autoComplete="email"
            keyboardType="email-address"
            inputMode="email"
            style={common.input}
          />
          <TextInput
            aria-label="Password"
            placeholder={mode === 'register' ? 'Password (at least 8 characters)' : 'Password'}
            value={password}
            onChangeText={setPassword}
            secureTextEntry
            autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
            onSubmitEditing={() => void submit()}
            style={common.input}
          />
          {error ? (
            <Text role="alert" style={common.error}>
              {error}
            </Text>
          ) : null}
          <Button
            label={busy ? 'Please wait…' : title}
            name={title}
            variant="primary"
            disabled={busy || email.trim() === '' || password === ''}
            onPress={() => void submit()}
          />
          <Button
            label={mode === 'signIn' ? 'New here? Create an account' : 'Have an account? Sign in'}
            variant="link"
            onPress={() => {
              setError(null);
              setMode(mode === 'signIn' ? 'register' : 'signIn');
            }}
          />
        </View>
        {mode === 'signIn' ? (
          <View style={styles.demo}>
            <Text style={common.muted}>
              Trying it out? The demo server has an account: {DEMO_ACCOUNT.email} /{' '}
              {DEMO_ACCOUNT.password}
            </Text>
            <Button
              label="Use the demo account"
              variant="link"
              onPress={() => {
                setEmail(DEMO_ACCOUNT.email);
                setPassword(DEMO_ACCOUNT.password);
              }}
            />
          </View>
        ) : null}
      </ScrollView>
    </KeyboardAvoidingView>
  );
}

const styles = StyleSheet.create({
  content: { maxWidth: 480, width: '100%', alignSelf: 'center', paddingTop: spacing.xl * 2 },
  brand: { fontSize: 32, fontWeight: '800', color: colors.primary },
  demo: { gap: spacing.xs },
});
