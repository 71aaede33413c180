import type { Ref } from 'react';
import { Text, TextInput, View } from 'react-native';
import type { TextInputProps } from 'react-native';
import { common, spacing } from '../../../theme/theme';

interface Props extends Pick<TextInputProps, 'multiline' | 'autoCapitalize' | 'onSubmitEditing'> {
  label: string;
  value: string;
  onChangeText: (text: string) => void;
  /** Why the server (or the form) refused this field, shown under it. */
  error?: string | undefined;
  hint?: string;
  editable?: boolean;
  ref?: Ref<TextInput>;
}

/** A text field with its visible label and, under it, the reason it was refused. */
export function LabeledField({ label, value, onChangeText, error, hint, ref, ...input }: Props) {
  return (
    <View style={{ gap: spacing.xs }}>
      <Text style={common.heading}>{label}</Text>
      {hint ? <Text style={common.muted}>{hint}</Text> : null}
      <TextInput
        ref={ref}
        aria-label={label}
        aria-invalid={error !== undefined}
        value={value}
        onChangeText={onChangeText}
        style={[common.input, input.multiline && { minHeight: 88, textAlignVertical: 'top' }]}
        {...input}
      />
      {error !== undefined ? (
        <Text role="alert" style={common.error}>
          {error}
        </Text>
      ) : null}
    </View>
  );
}
