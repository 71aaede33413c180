import { useEffect, useMemo } from 'react';
import { FlatList, StyleSheet, Text, View } from 'react-native';
import { useNavigation } from '@react-navigation/native';
import type { NavigationProp } from '@react-navigation/native';
import { climbKeyOf } from '@sendlog/contract';
import { climbStory } from '@sendlog/rules';
import type { ClimbStoryTry } from '@sendlog/rules';
import { Button } from '../../components/Button';
import { ClampedText } from '../../components/ClampedText';
import { plural } from '../../format/plural';
import { formatDateTime } from '../../format/time';
import { useCatalogue, useGradeDisplay } from '../../hooks/services';
import { useLogbookSessions } from '../../hooks/logbookSessions';
import type { TabParams } from '../../navigation/types';
import { colors, common, spacing } from '../../theme/theme';
import { StoryClimbCard } from './StoryClimbCard';
import { storyHeadline, tryResult } from './storyHeadline';

/**
 * The climber's story with one climb: what the climb is (StoryClimbCard), then every try across
 * sessions, newest first, under a headline (first tried, first sent, attempts in all). Read from the device only (the store, synced or
 * pending, and the cached catalogue), so it works offline and shows a try logged a minute ago.
 */
export function ClimbStoryScreen({ route }: { route: { params: { climbId: string } } }) {
  const { climbId } = route.params;
  const navigation = useNavigation<NavigationProp<TabParams>>();
  const sessions = useLogbookSessions();
  const catalogue = useCatalogue();
  const display = useGradeDisplay();
  const tries = useMemo(() => climbStory(climbId, sessions), [climbId, sessions]);
  const headline = storyHeadline(tries);
  const climb = catalogue.climbsById.get(climbId);
  // A climb gone from the catalogue still has its name in the climber's own routes' sessions.
  const name =
    climb?.name ??
    sessions.flatMap((s) => s.routes).find((r) => climbKeyOf(r) === climbId)?.climbName ??
    'Climb';

  useEffect(() => {
    navigation.setOptions({ title: name });
  }, [navigation, name]);

  const openSession = (sessionId: string) =>
    navigation.navigate('HistoryTab', { screen: 'SessionDetail', params: { sessionId } });

  return (
    <View style={common.screen}>
      <FlatList
        contentContainerStyle={common.content}
        data={tries}
        keyExtractor={(t) => t.routeId}
        ListHeaderComponent={
          <View style={styles.header}>
            {climb ? (
              <StoryClimbCard climb={climb} />
            ) : (
              <Text role="heading" aria-level={2} style={common.title}>
                {name}
              </Text>
            )}
            <View style={common.card}>
              {headline.firstTried === null ? (
                <Text style={common.body}>You have not logged this climb yet.</Text>
              ) : (
                <>
                  <Text
                    style={common.body}
                  >{`First logged on ${formatDateTime(headline.firstTried)}`}</Text>
                  <Text style={[common.body, headline.firstSent !== null && styles.sent]}>
                    {headline.firstSent === null
                      ? 'Not sent yet'
                      : `Sent on ${formatDateTime(headline.firstSent)}`}
                  </Text>
                  <Text style={common.muted}>
                    {`${plural(headline.tries, 'route', 'routes')} · ${plural(headline.attempts, 'attempt', 'attempts')} in all · ${plural(headline.sends, 'send', 'sends')}`}
                  </Text>
                </>
              )}
            </View>
          </View>
        }
        renderItem={({ item }) => (
          <StoryTry item={item} display={display} onOpenSession={openSession} />
        )}
      />
    </View>
  );
}

function StoryTry(props: {
  item: ClimbStoryTry;
  display: (grade: string) => string;
  onOpenSession: (sessionId: string) => void;
}) {
  const { item, display } = props;
  const when = formatDateTime(item.date);
  const result = tryResult(item);
  return (
    <View role="group" aria-label={`Route on ${when}`} style={[common.card, styles.try]}>
      <Text style={common.heading}>{when}</Text>
      <Text style={[common.body, item.isSuccess && styles.sent]}>
        {`${result} · ${plural(item.attempts, 'attempt', 'attempts')}`}
        {item.rating ? ` · ${'★'.repeat(item.rating)}` : ''}
        {item.gradeOpinion ? ` · felt ${display(item.gradeOpinion)}` : ''}
      </Text>
      {item.notes ? (
        <ClampedText text={item.notes} style={common.muted} label={`notes of ${when}`} />
      ) : null}
      <Button
        label="Open session"
        name={`Open session of ${when}`}
        small
        variant="link"
        onPress={() => props.onOpenSession(item.sessionId)}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  header: { gap: spacing.md, marginBottom: spacing.md },
  try: { gap: spacing.xs },
  sent: { color: colors.success },
});
