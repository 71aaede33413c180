import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { ColorSwatch } from '../../components/ColorSwatch';
import { RouteForm } from '../../components/RouteForm';
import { formatDate } from '../../format/time';
import { useCatalogue, useGradeDisplay, useRequiredAccount } from '../../hooks/services';
import { useActiveSession } from '../../hooks/sessions';
import { useStoreAction } from '../../hooks/useStoreAction';
import { common, spacing } from '../../theme/theme';
import { CommunityLine } from '../LayoutDetail/PickedClimb';
import { ClimbSpot } from './ClimbSpot';

/**
 * What the climb is, at the top of its story: colour, grade, where it is on the wall (a crop of
 * the picture around its dot), who set it and when, what other climbers make of it, and "Log"
 * while a session runs on its wall. Logging goes into the device's store, so offline too.
 */
export function StoryClimbCard(props: { climb: Climb }) {
  const { climb } = props;
  const display = useGradeDisplay();
  const catalogue = useCatalogue();
  const { store } = useRequiredAccount();
  const active = useActiveSession();
  const { error, run } = useStoreAction();
  const [logging, setLogging] = useState(false);
  const [logged, setLogged] = useState<string | null>(null);
  const wall = catalogue.layouts?.find((l) => l.id === climb.layoutId);
  // One session runs at a time; a climb is logged into it only on the session's own wall.
  const session = active?.layoutId === climb.layoutId ? active : null;
  const position = climb.position;
  const set = [
    climb.setter ? `Set by ${climb.setter}` : null,
    climb.setAt ? `${climb.setter ? 'on' : 'Set on'} ${formatDate(climb.setAt)}` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');

  return (
    <View style={[common.card, styles.card]}>
      <Text role="heading" aria-level={2} style={common.title}>
        {`${display(climb.grade)} · ${climb.name}`}
      </Text>
      <View style={styles.line}>
        <ColorSwatch color={climb.color} size={18} />
        <Text style={common.muted}>{wall ? `on ${wall.name}` : ''}</Text>
      </View>
      {position && wall?.image ? (
        <ClimbSpot
          climb={{ ...climb, position }}
          image={wall.image}
          wallName={wall.name}
          grade={display(climb.grade)}
        />
      ) : null}
      {set ? <Text style={common.body}>{set}</Text> : null}
      {climb.community.climbers > 0 ? (
        <CommunityLine community={climb.community} display={display} />
      ) : (
        <Text style={common.muted}>No climber has logged it yet.</Text>
      )}
      {session && logging ? (
        <RouteForm
          climbName={climb.name}
          grade={display(climb.grade)}
          onSave={(values) => {
            if (run(() => store.logRoute(session.id, { climbId: climb.id, ...values }))) {
              setLogging(false);
              setLogged(`Logged ${climb.name} in the session running.`);
            }
          }}
          onCancel={() => setLogging(false)}
        />
      ) : null}
      {session && !logging ? (
        <View style={common.row}>
          <Button
            label="Log"
            name={`Log ${climb.name}`}
            variant="primary"
            onPress={() => {
              setLogged(null);
              setLogging(true);
            }}
          />
        </View>
      ) : null}
      {logged ? (
        <Text role="status" style={common.body}>
          {logged}
        </Text>
      ) : null}
      {error ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { gap: spacing.sm },
  line: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
});
