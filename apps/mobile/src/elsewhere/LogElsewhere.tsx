import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { NavigationProp } from '@react-navigation/native';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../components/Button';
import { useRequiredAccount } from '../hooks/services';
import { useActiveSession, useSessions } from '../hooks/sessions';
import { useStoreAction } from '../hooks/useStoreAction';
import type { TabParams } from '../navigation/types';
import { common, spacing } from '../theme/theme';
import { recentPlaces } from './recentPlaces';

/**
 * "Log somewhere else": a session at a place no catalogue has (a crag, another gym), named in free
 * text with the climber's recent places offered. Offline like every session: it is the store's.
 * A session elsewhere in progress is resumed from here.
 */
export function LogElsewhere() {
  const navigation = useNavigation<NavigationProp<TabParams>>();
  const { store } = useRequiredAccount();
  const sessions = useSessions();
  const active = useActiveSession();
  const { error, run } = useStoreAction();
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState('');
  const openSession = (sessionId: string) =>
    navigation.navigate('HistoryTab', { screen: 'SessionDetail', params: { sessionId } });

  if (active && active.layoutId === null) {
    return (
      <View style={common.card}>
        <Text style={common.heading}>Session in progress</Text>
        <Text style={common.muted}>
          {active.place ?? 'Somewhere else'} · {active.routes.length}{' '}
          {active.routes.length === 1 ? 'route' : 'routes'} logged
        </Text>
        <Button label="Resume session" variant="primary" onPress={() => openSession(active.id)} />
      </View>
    );
  }
  if (!open) {
    return <Button label="Log somewhere else" onPress={() => setOpen(true)} />;
  }
  const start = (where: string) => {
    let started: string | null = null;
    if (run(() => (started = store.startSession({ layoutId: null, place: where }).id))) {
      setOpen(false);
      setPlace('');
      if (started !== null) openSession(started);
    }
  };
  const places = recentPlaces(sessions);
  return (
    <View style={common.card} aria-label="Log somewhere else">
      <Text role="heading" aria-level={2} style={common.heading}>
        Log somewhere else
      </Text>
      <Text style={common.muted}>A crag, another gym: climbs you add yourself.</Text>
      <TextInput
        aria-label="Where are you climbing?"
        placeholder="Where are you climbing?"
        value={place}
        maxLength={LIMITS.maxPlace}
        onChangeText={setPlace}
        style={common.input}
      />
      {places.length > 0 ? (
        <View style={styles.places} aria-label="Recent places">
          {places.map((p) => (
            <Button key={p} label={p} name={`Start at ${p}`} small onPress={() => start(p)} />
          ))}
        </View>
      ) : null}
      {error ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
      <Button label="Start session" variant="primary" onPress={() => start(place)} />
      <Button label="Cancel" variant="link" onPress={() => setOpen(false)} />
    </View>
  );
}

const styles = StyleSheet.create({
  places: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs },
});
