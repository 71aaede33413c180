import { Text, View } from 'react-native';
import { useSessionSummary } from '../../logbook/sessionSummary';
import { common, colors } from '../../theme/theme';
import { Button } from '../Button';
import { SessionSummaryView } from './SessionSummaryView';

/**
 * The summary a climber sees when a session ends, on top of History: open the session, or
 * dismiss it. Nothing shows when the session is no longer on the device (deleted meanwhile).
 */
export function EndedSessionCard(props: {
  sessionId: string;
  onOpen: () => void;
  onDismiss: () => void;
}) {
  const summary = useSessionSummary(props.sessionId);
  if (!summary) return null;
  return (
    <View style={[common.card, { borderColor: colors.primary }]}>
      <Text role="heading" aria-level={2} style={common.title}>
        Session summary
      </Text>
      <SessionSummaryView summary={summary} />
      <View style={common.row}>
        <Button label="Open session" variant="primary" onPress={props.onOpen} />
        <Button label="Dismiss summary" onPress={props.onDismiss} />
      </View>
    </View>
  );
}

/** The summary at the top of a session's own screen. */
export function SessionSummaryCard({ sessionId }: { sessionId: string }) {
  const summary = useSessionSummary(sessionId);
  if (!summary || summary.tries === 0) return null;
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Summary
      </Text>
      <SessionSummaryView summary={summary} />
    </View>
  );
}
