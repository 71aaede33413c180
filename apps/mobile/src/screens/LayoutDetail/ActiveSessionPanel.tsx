import { useState } from 'react';
import { StyleSheet, Text, TextInput, View } from 'react-native';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { LengthHint } from '../../components/LengthHint';
import { plural } from '../../format/plural';
import { formatElapsed } from '../../format/time';
import { useOnline } from '../../hooks/services';
import { useNow } from '../../hooks/useNow';
import type { LocalSession } from '../../sync/types';
import { colors, common, spacing } from '../../theme/theme';

/** The running session, tagged "Offline session": elapsed time, counts, its notes, and ending it. */
export function ActiveSessionPanel(props: {
  session: LocalSession;
  onEnd: (notes: string) => void;
  onSaveNotes: (notes: string) => void;
}) {
  const { session } = props;
  const now = useNow();
  const online = useOnline();
  const [notes, setNotes] = useState(session.notes ?? '');
  const sends = session.routes.filter((r) => r.isSuccess).length;
  return (
    <View style={[common.card, styles.card]}>
      <View style={common.row}>
        <Text style={[common.heading, styles.grow]}>Session in progress</Text>
        {/* A running session is held only on this phone until it ends and syncs, whatever the
            connection: the tag says so always, the connection only while it is down. */}
        <Text style={styles.tag}>Offline session</Text>
      </View>
      {online === false ? (
        <Text style={[common.muted, styles.connection]}>Offline · saved on this phone</Text>
      ) : null}
      <Text style={common.muted} aria-label="Elapsed time">
        Elapsed {formatElapsed(now - Date.parse(session.startTime))} ·{' '}
        {plural(session.routes.length, 'route', 'routes')} · {plural(sends, 'send', 'sends')}
      </Text>
      <TextInput
        aria-label="Session notes"
        placeholder="Session notes (optional)"
        value={notes}
        // Kept as typed (the store coalesces the writes): a reload or a killed app mid-sentence
        // keeps the notes like every route.
        onChangeText={(text) => {
          setNotes(text);
          props.onSaveNotes(text);
        }}
        maxLength={LIMITS.maxSessionNotes}
        multiline
        style={[common.input, styles.notes]}
      />
      <LengthHint text={notes} max={LIMITS.maxSessionNotes} />
      <Button
        label={session.routes.length === 0 ? 'Discard session (nothing logged)' : 'End session'}
        variant="danger"
        onPress={() => props.onEnd(notes)}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderColor: colors.primary },
  grow: { flex: 1 },
  tag: {
    fontSize: 12,
    fontWeight: '600',
    color: colors.muted,
    borderWidth: 1,
    borderColor: colors.muted,
    borderRadius: 999,
    paddingHorizontal: spacing.sm,
    paddingVertical: 1,
  },
  connection: { alignSelf: 'flex-end' },
  notes: { minHeight: 48, textAlignVertical: 'top' },
});
