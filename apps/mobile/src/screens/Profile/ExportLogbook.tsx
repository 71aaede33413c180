import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from '../../components/Button';
import { plural } from '../../format/plural';
import { useCatalogue, useUser } from '../../hooks/services';
import { useSessions } from '../../hooks/sessions';
import { buildLogbookExport, deviceTimeZone } from '../../export/logbookExport';
import type { ExportCounts, ExportFormat } from '../../export/logbookExport';
import { saveExportFile } from '../../export/saveExportFile';
import { common, spacing } from '../../theme/theme';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; name: string; counts: ExportCounts }
  | { kind: 'failed'; message: string };

/** "214 routes from 31 sessions, 2 not yet synced": what the file holds, in words. */
export function exportSummaryText(counts: ExportCounts): string {
  const held = `${plural(counts.tries, 'route', 'routes')} from ${plural(counts.sessions, 'session', 'sessions')}`;
  return counts.unsynced === 0 ? held : `${held}, ${counts.unsynced} not yet synced`;
}

/**
 * "Export my logbook": the file the server's export writes, built from this device's store so it
 * works offline and holds sessions that have not synced yet. `beforeDelete`: the copy offered
 * inside "Delete account", without a card of its own.
 */
export function ExportLogbook({ beforeDelete = false }: { beforeDelete?: boolean }) {
  const user = useUser();
  const sessions = useSessions();
  const catalogue = useCatalogue();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const run = async (format: ExportFormat) => {
    if (!user) return;
    setState({ kind: 'working' });
    try {
      const { file, counts } = buildLogbookExport({
        format,
        user,
        sessions,
        climbsById: catalogue.climbsById,
        layouts: catalogue.layouts,
        now: new Date(),
        timeZone: deviceTimeZone(),
      });
      await saveExportFile(file);
      setState({ kind: 'done', name: file.name, counts });
    } catch (error) {
      setState({
        kind: 'failed',
        message: `The export could not be saved: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  const what = beforeDelete ? 'Export a copy' : 'Export my logbook';
  return (
    <View style={beforeDelete ? styles.bare : common.card}>
      <Text style={common.heading}>
        {beforeDelete ? 'First, keep a copy' : 'Export my logbook'}
      </Text>
      <Text style={common.muted}>
        Every session on this device, synced or not, as a spreadsheet (CSV) or a full backup (JSON).
      </Text>
      <View style={styles.actions}>
        <Button
          label="CSV"
          name={`${what} as CSV`}
          disabled={state.kind === 'working'}
          onPress={() => void run('csv')}
        />
        <Button
          label="JSON"
          name={`${what} as JSON`}
          disabled={state.kind === 'working'}
          onPress={() => void run('json')}
        />
      </View>
      {state.kind === 'done' ? (
        <Text role="status" aria-live="polite" style={common.body}>
          {`Exported ${state.name}: ${exportSummaryText(state.counts)}.`}
        </Text>
      ) : null}
      {state.kind === 'failed' ? (
        <Text role="alert" style={common.error}>
          {state.message}
        </Text>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  actions: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  bare: { gap: spacing.sm },
});
