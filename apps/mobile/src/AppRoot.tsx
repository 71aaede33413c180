import { useEffect } from 'react';
import { ActivityIndicator, View } from 'react-native';
import { SafeAreaProvider } from 'react-native-safe-area-context';
import { StatusBar } from 'expo-status-bar';
import { ServicesProvider, useAccount, useAuthState } from './hooks/services';
import { SignedInNavigator } from './navigation/RootNavigator';
import { SignInScreen } from './screens/SignIn/SignInScreen';
import type { AppServices } from './services/appServices';
import { common } from './theme/theme';

function Gate() {
  const auth = useAuthState();
  const account = useAccount();
  if (auth.status === 'signedOut') return <SignInScreen />;
  if (auth.status === 'loading' || !account) {
    return (
      <View style={[common.screen, { justifyContent: 'center' }]}>
        <ActivityIndicator aria-label="Opening Sendlog" />
      </View>
    );
  }
  // Keyed by account so nothing of one climber's screens survives into another's.
  return <SignedInNavigator key={account.userId} />;
}

/** The whole app over a given set of services (real ones in App.tsx, test doubles in tests). */
export function AppRoot({ services }: { services: AppServices }) {
  useEffect(() => {
    void services.start();
  }, [services]);
  return (
    <SafeAreaProvider>
      <ServicesProvider services={services}>
        <Gate />
        <StatusBar style="dark" />
      </ServicesProvider>
    </SafeAreaProvider>
  );
}
