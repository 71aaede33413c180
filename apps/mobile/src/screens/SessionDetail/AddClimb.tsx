import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { RouteForm } from '../../components/RouteForm';
import type { RouteValues } from '../../components/RouteForm';
import { filterClimbs } from '../../catalogue/climbFilter';
import { useGradeDisplay } from '../../hooks/services';
import { common, spacing } from '../../theme/theme';

/** How many matches the picker lists: a name typed narrows it to the one wanted. */
const SHOWN = 8;

/**
 * "Add a climb" on an ended session: a climb forgotten at the wall, found by name among the
 * wall's climbs (from the catalogue on the device, offline too), then the full route form.
 */
export function AddClimb(props: {
  climbs: readonly Climb[] | undefined;
  onAdd: (climbId: string, values: RouteValues) => boolean;
}) {
  const display = useGradeDisplay();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<Climb | null>(null);
  const close = () => {
    setOpen(false);
    setQuery('');
    setChosen(null);
  };
  if (!open) return <Button label="Add a climb" onPress={() => setOpen(true)} />;
  if (chosen) {
    return (
      <RouteForm
        climbName={chosen.name}
        grade={display(chosen.grade)}
        onSave={(values) => {
          if (props.onAdd(chosen.id, values)) close();
        }}
        onCancel={() => setChosen(null)}
      />
    );
  }
  const matches = filterClimbs(props.climbs ?? [], { grade: null, query });
  return (
    <View style={common.card} aria-label="Add a climb">
      <Text role="heading" aria-level={2} style={common.heading}>
        Add a climb
      </Text>
      {props.climbs === undefined ? (
        <Text style={common.muted}>
          The climbs of this wall are not on this device yet. They download once you are online.
        </Text>
      ) : (
        <>
          <TextInput
            aria-label="Find a climb"
            placeholder="Find a climb by name"
            value={query}
            onChangeText={setQuery}
            style={common.input}
          />
          <View style={styles.matches}>
            {matches.slice(0, SHOWN).map((climb) => (
              <Button
                key={climb.id}
                label={`${display(climb.grade)} ${climb.name}`}
                small
                onPress={() => setChosen(climb)}
              />
            ))}
          </View>
          {matches.length === 0 ? <Text style={common.muted}>No climb matches.</Text> : null}
          {matches.length > SHOWN ? (
            <Text style={common.muted}>{`${matches.length - SHOWN} more: type a name.`}</Text>
          ) : null}
        </>
      )}
      <Button label="Cancel" variant="link" onPress={close} />
    </View>
  );
}

const styles = StyleSheet.create({
  matches: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.xs },
});
