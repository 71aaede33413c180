import { useState } from 'react';
import { Modal, ScrollView, StyleSheet, Text, View } from 'react-native';
import type { Climb } from '@sendlog/contract';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { EditableRoute } from '../../components/EditableRoute';
import { LimitedTextInput } from '../../components/LimitedTextInput';
import type { RouteValues } from '../../components/RouteForm';
import { RecentActionStrip } from '../../components/RecentActionStrip';
import { UNKNOWN_CLIMB } from '../../hooks/logbookSessions';
import type { LocalSession } from '../../sync/types';
import { colors, common, spacing } from '../../theme/theme';
import { climbForRoute } from '../../hooks/logbookSessions';

/**
 * The running session's routes, newest first, each editable in place, and its notes: a sheet over
 * the wall, opened from the session bar, so the list of climbs never moves as the session fills.
 */
export function LoggedSheet(props: {
  visible: boolean;
  session: LocalSession;
  climbsById: ReadonlyMap<string, Climb>;
  flashes: ReadonlySet<string>;
  editingRouteId: string | null;
  onEdit: (routeId: string | null) => void;
  onSave: (routeId: string, values: RouteValues) => void;
  onRemove: (routeId: string, climbName: string) => void;
  onSaveNotes: (notes: string) => void;
  onClose: () => void;
}) {
  const { session, climbsById, flashes, editingRouteId } = props;
  const [notes, setNotes] = useState(session.notes ?? '');
  return (
    <Modal
      visible={props.visible}
      transparent
      animationType="slide"
      onRequestClose={props.onClose}
      // The web's modal is the dialog: named here, it is "Logged this session, dialog".
      aria-label="Logged this session"
    >
      <View style={styles.backdrop}>
        <View style={styles.sheet}>
          <View style={common.row}>
            <Text role="heading" aria-level={2} style={[common.title, styles.grow]}>
              Logged this session
            </Text>
            <Button label="Close" name="Close the logged list" small onPress={props.onClose} />
          </View>
          {/* Over the wall's own strip: a route removed here is offered back here. */}
          <RecentActionStrip />
          <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
            {session.routes.length === 0 ? (
              <Text style={common.muted}>Nothing logged yet.</Text>
            ) : null}
            {[...session.routes].reverse().map((r) => (
              <EditableRoute
                key={r.id}
                route={r}
                climb={climbForRoute(r, climbsById)}
                flash={flashes.has(r.id)}
                editing={editingRouteId === r.id}
                onEdit={() => props.onEdit(r.id)}
                onSave={(values) => props.onSave(r.id, values)}
                onCancel={() => props.onEdit(null)}
                onRemove={() =>
                  props.onRemove(r.id, climbForRoute(r, climbsById)?.name ?? UNKNOWN_CLIMB)
                }
              />
            ))}
            <LimitedTextInput
              aria-label="Session notes"
              placeholder="Session notes (optional)"
              value={notes}
              // Kept as typed (the store coalesces the writes): a reload or a killed app
              // mid-sentence keeps the notes like every route.
              onChangeText={(text) => {
                setNotes(text);
                props.onSaveNotes(text);
              }}
              max={LIMITS.maxSessionNotes}
              multiline
              style={[common.input, styles.notes]}
            />
          </ScrollView>
        </View>
      </View>
    </Modal>
  );
}

const styles = StyleSheet.create({
  backdrop: { flex: 1, justifyContent: 'flex-end', backgroundColor: 'rgba(29, 35, 48, 0.45)' },
  sheet: {
    maxHeight: '85%',
    width: '100%',
    maxWidth: 720,
    alignSelf: 'center',
    backgroundColor: colors.background,
    borderTopLeftRadius: 16,
    borderTopRightRadius: 16,
    padding: spacing.lg,
    gap: spacing.sm,
  },
  grow: { flex: 1 },
  content: { gap: spacing.sm, paddingBottom: spacing.lg },
  notes: { minHeight: 60, textAlignVertical: 'top' },
});
