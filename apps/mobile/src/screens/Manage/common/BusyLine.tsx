import { Text, View } from 'react-native';
import { common } from '../../../theme/theme';

/**
 * "Saving…" beside a form's buttons while its call is on its way. A button keeps its own label
 * meanwhile: its accessible name stays the words it shows (axe's label-content-name-mismatch).
 */
export function BusyLine({ busy, text }: { busy: boolean; text: string }) {
  return (
    <View role="status" aria-live="polite">
      {busy ? <Text style={common.muted}>{text}</Text> : null}
    </View>
  );
}
