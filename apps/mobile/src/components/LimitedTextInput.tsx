import { useState } from 'react';
import { Text, TextInput } from 'react-native';
import type { TextInputProps } from 'react-native';
import { common } from '../theme/theme';
import { LengthHint } from './LengthHint';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * A text field with a limit the server keeps (notes). A paste past the limit is cut to it and
 * says so ("Cut to 1,000 characters: 554 left out."), where a `maxLength` dropped the rest
 * without a word; near the limit it counts the characters.
 */
export function LimitedTextInput(
  props: Omit<TextInputProps, 'maxLength' | 'value' | 'onChangeText'> & {
    max: number;
    value: string;
    onChangeText: (text: string) => void;
  },
) {
  const { max, value, onChangeText, ...input } = props;
  const [leftOut, setLeftOut] = useState(0);
  return (
    <>
      <TextInput
        {...input}
        value={value}
        onChangeText={(text) => {
          const over = text.length - max;
          setLeftOut(Math.max(0, over));
          onChangeText(over > 0 ? text.slice(0, max) : text);
        }}
      />
      {leftOut > 0 ? (
        <Text role="alert" style={common.error}>
          {`Cut to ${count(max)} characters: ${count(leftOut)} left out.`}
        </Text>
      ) : (
        <LengthHint text={value} max={max} />
      )}
    </>
  );
}
