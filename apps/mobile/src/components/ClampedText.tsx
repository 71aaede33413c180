import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import type { TextStyle } from 'react-native';
import { Button } from './Button';

/** Three lines of notes before "more": a long one no longer floods a list. */
const LINES = 3;

/** Whether a text may run past three lines on a phone (about 50 characters a line). */
export function longText(text: string): boolean {
  return text.length > 150 || text.split('\n').length > LINES;
}

/** Notes shown at three lines, with "more" to read them whole and "less" to fold them back. */
export function ClampedText(props: { text: string; style?: TextStyle; label: string }) {
  const [open, setOpen] = useState(false);
  const long = longText(props.text);
  return (
    <View>
      <Text style={props.style} numberOfLines={long && !open ? LINES : undefined}>
        {props.text}
      </Text>
      {long ? (
        <View style={styles.toggle}>
          <Button
            label={open ? 'less' : 'more'}
            name={`${open ? 'Less' : 'More'} of ${props.label}`}
            small
            variant="link"
            onPress={() => setOpen(!open)}
          />
        </View>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({ toggle: { alignSelf: 'flex-start' } });
