import { useEffect, useRef, useState } from 'react';
import { Platform, Pressable, StyleSheet, Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { plural } from '../../format/plural';
import { formatElapsed } from '../../format/time';
import { useOnline } from '../../hooks/services';
import { useNow } from '../../hooks/useNow';
import type { LocalSession } from '../../sync/types';
import { colors, common, spacing } from '../../theme/theme';

/**
 * The running session, pinned above the climbs whatever is scrolled: the "Offline session" tag
 * (a tap says what it means), elapsed time and sends, the routes logged (a tap opens them) and
 * "End". One line, so a long session never pushes the climbs down.
 */
export function SessionBar(props: {
  session: LocalSession;
  onOpenLogged: () => void;
  onEnd: () => void;
}) {
  const { session } = props;
  const now = useNow();
  const online = useOnline();
  const [explained, setExplained] = useState(false);
  const tag = useRef<View>(null);
  useEffect(() => {
    // "Start session" is gone once pressed: the keyboard goes on from the bar, not the page top.
    if (
      Platform.OS === 'web' &&
      (!document.activeElement || document.activeElement === document.body)
    )
      (tag.current as unknown as HTMLElement | null)?.focus?.();
  }, []);
  const sends = session.routes.filter((r) => r.isSuccess).length;
  const logged = session.routes.length;
  return (
    <View style={styles.bar} role="region" aria-label="Session in progress">
      <View style={styles.line}>
        {/* A running session is held only on this phone until it ends and syncs, whatever the
            connection: the tag says so always, and what it means one tap away. */}
        <Pressable
          ref={tag}
          role="button"
          aria-expanded={explained}
          aria-label="Offline session"
          onPress={() => setExplained(!explained)}
          style={styles.tagTarget}
        >
          <Text style={styles.tag}>Offline session</Text>
        </Pressable>
        <Text style={[common.muted, styles.grow]} aria-label="Elapsed time">
          {`${formatElapsed(now - Date.parse(session.startTime))} · ${plural(sends, 'send', 'sends')}`}
        </Text>
        <Button
          label={`${logged} logged`}
          name={`${logged} logged this session: open the list`}
          small
          onPress={props.onOpenLogged}
        />
        <Button
          label={logged === 0 ? 'Discard' : 'End'}
          name={logged === 0 ? 'Discard session (nothing logged)' : 'End session'}
          small
          variant="danger"
          onPress={props.onEnd}
        />
      </View>
      {explained ? (
        <Text style={common.muted}>
          Kept on this phone until it syncs: it is sent once you end it and a connection is there.
        </Text>
      ) : null}
      {online === false ? <Text style={common.muted}>Offline · saved on this phone</Text> : null}
    </View>
  );
}

/** Before a session: one button, first on the screen, so a keyboard reaches it at once. */
export function StartSessionBar({ onStart }: { onStart: () => void }) {
  return (
    <View style={[styles.bar, styles.line]}>
      <Text style={[common.body, styles.grow]}>Log each climb you try.</Text>
      <Button label="Start session" variant="primary" onPress={onStart} />
    </View>
  );
}

const styles = StyleSheet.create({
  bar: {
    backgroundColor: colors.surface,
    borderBottomWidth: 1,
    borderBottomColor: colors.border,
    paddingHorizontal: spacing.lg,
    paddingVertical: spacing.xs,
    gap: spacing.xs,
  },
  line: { flexDirection: 'row', alignItems: 'center', flexWrap: 'wrap', gap: spacing.sm },
  grow: { flexGrow: 1, flexShrink: 1 },
  tagTarget: { minHeight: 44, justifyContent: 'center' },
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
});
