import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import type { Gym } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../components/Button';
import { useMyGyms, useOnline, useServices } from '../../hooks/services';
import type { LayoutsStackParams } from '../../navigation/types';
import { common, spacing } from '../../theme/theme';
import { GymCard } from './GymCard';

type Props = NativeStackScreenProps<LayoutsStackParams, 'GymPage'>;

type Answer = { slug: string; gym: Gym | null; message: string | null };

/**
 * A gym's page, where its link `/g/<slug>` (the QR code at its desk) lands: what it is, and
 * Follow. Read from the server; offline, a gym the climber follows is shown as kept.
 */
export function GymPageScreen({ route, navigation }: Props) {
  const slug = route.params.slug.toLowerCase();
  const { gymsApi, auth } = useServices();
  const online = useOnline();
  const mine = useMyGyms();
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (online === false) return;
    let current = true;
    void gymsApi.gym(slug, auth.getToken()).then((result) => {
      if (!current) return;
      if (result.ok) setAnswer({ slug, gym: result.data?.gym ?? null, message: null });
      else if (result.kind === 'http' && result.status === 404) {
        setAnswer({ slug, gym: null, message: `No gym has the link /g/${slug}.` });
      } else setAnswer({ slug, gym: null, message: result.message });
    });
    return () => {
      current = false;
    };
  }, [slug, online, gymsApi, auth]);

  const fetched = answer?.slug === slug ? answer : null;
  const gym = fetched?.gym ?? mine.gyms?.find((g) => g.slug === slug) ?? null;

  useEffect(() => {
    navigation.setOptions({ title: gym?.name ?? 'Gym' });
  }, [navigation, gym?.name]);

  const following = mine.gyms?.find((g) => g.id === gym?.id)?.following ?? false;
  return (
    <ScrollView style={common.screen} contentContainerStyle={[common.content, styles.column]}>
      {gym ? (
        <>
          <GymCard gym={gym} level={2} />
          <Text style={common.body}>
            {following
              ? 'Its walls are in your Walls tab, kept on this phone for sessions with no signal.'
              : 'Follow it to keep its walls and climbs on this phone: you log at the wall with no signal, and your logbook counts every gym you climb at.'}
          </Text>
          {following ? (
            <Button
              label="See its walls"
              variant="primary"
              onPress={() => navigation.navigate('Layouts')}
            />
          ) : null}
        </>
      ) : (
        <View style={common.card}>
          <Text style={common.body}>
            {fetched?.message ??
              (online === false
                ? 'Opening a gym you do not follow needs a connection.'
                : 'Loading the gym…')}
          </Text>
        </View>
      )}
    </ScrollView>
  );
}

const styles = StyleSheet.create({
  column: { maxWidth: 720, width: '100%', alignSelf: 'center', gap: spacing.md },
});
