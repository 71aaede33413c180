import { Pressable } from 'react-native';
import type { PressableProps } from 'react-native';

/** A key the web's keyboard sent (react-native-web hands the DOM's KeyboardEvent over). */
type KeyEvent = { key?: string; nativeEvent?: { key?: string } };

/**
 * A Pressable that is a link (it opens a screen), for screen readers and keyboards alike.
 * react-native-web leaves Enter on a link to the browser, which clicks only a real `<a href>`:
 * without this, Enter on the link did nothing.
 */
export function LinkPressable(props: Omit<PressableProps, 'role'> & { onPress: () => void }) {
  const keys = {
    onKeyDown: (event: KeyEvent) => {
      if ((event.key ?? event.nativeEvent?.key) === 'Enter') props.onPress();
    },
  } as Partial<PressableProps>;
  return <Pressable role="link" {...props} {...keys} />;
}
