import { useState } from 'react';
import { StyleSheet, View } from 'react-native';
import { LIMITS } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { LimitedTextInput } from '../../components/LimitedTextInput';
import { common } from '../../theme/theme';

/**
 * A draft of an ended session's notes, saved on demand. Starts from the saved notes: render it
 * keyed by them, so notes that change underneath (a save, a pull) start a fresh draft.
 */
export function SessionNotesEditor(props: { saved: string; onSave: (notes: string) => void }) {
  const [notes, setNotes] = useState(props.saved);
  return (
    <View style={common.card}>
      <LimitedTextInput
        aria-label="Session notes"
        placeholder="Session notes"
        value={notes}
        onChangeText={setNotes}
        max={LIMITS.maxSessionNotes}
        multiline
        style={[common.input, styles.notes]}
      />
      {notes !== props.saved ? (
        <Button label="Save notes" variant="primary" onPress={() => props.onSave(notes)} />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  notes: { minHeight: 60, textAlignVertical: 'top' },
});
