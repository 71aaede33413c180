import { Text } from 'react-native';
import { common } from '../theme/theme';

/**
 * "940 / 1,000 characters" once a text nears its limit, so a field that stops taking
 * characters (or cuts a paste) says why instead of dropping them silently.
 */
export function LengthHint({ text, max }: { text: string; max: number }) {
  if (text.length < max * 0.9) return null;
  return (
    <Text style={common.muted} aria-live="polite">
      {`${text.length.toLocaleString('en-US')} / ${max.toLocaleString('en-US')} characters`}
      {text.length >= max ? ' — the limit' : ''}
    </Text>
  );
}
