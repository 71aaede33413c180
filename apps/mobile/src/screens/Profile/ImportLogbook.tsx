import { useState } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import {
  detectImportFileFormat,
  IMPORT_FORMAT_NAMES,
  IMPORT_FORMATS,
  IMPORT_LIMITS,
} from '@sendlog/contract';
import type { ImportFormat, ImportResponse } from '@sendlog/contract';
import { Button } from '../../components/Button';
import { deviceTimeZone } from '../../export/logbookExport';
import { plural } from '../../format/plural';
import { useOnline, useServices } from '../../hooks/services';
import { pickLogbookFile } from '../../imports/pickLogbookFile';
import type { PickedFile } from '../../imports/pickLogbookFile';
import { common, spacing } from '../../theme/theme';

type ImportState =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'choosing'; file: PickedFile }
  | { kind: 'sending'; file: PickedFile; format: ImportFormat }
  | { kind: 'done'; file: PickedFile; result: ImportResponse }
  | { kind: 'failed'; message: string };

/** "Imported 3 sessions with 12 routes; 4 routes were already there; 1 line not imported." */
export function importSummaryText(r: ImportResponse): string {
  const parts = [
    `Imported ${plural(r.sessions, 'session', 'sessions')} with ${plural(r.routes, 'route', 'routes')}`,
  ];
  if (r.skipped > 0) {
    parts.push(`${plural(r.skipped, 'route was', 'routes were')} already there`);
  }
  if (r.rejected.length > 0) {
    parts.push(`${plural(r.rejected.length, 'line', 'lines')} not imported`);
  }
  return `${parts.join('; ')}.`;
}

const lineCount = (bytes: Uint8Array) => bytes.reduce((n, b) => (b === 0x0a ? n + 1 : n), 0);

/**
 * Profile → "Import a logbook": a file of our backup or of another logbook, recognised from its
 * header when it can be (else the climber says which), sent to the server, then what it stored
 * and each line it could not read. The server does the reading, so this needs the network.
 */
export function ImportLogbook() {
  const services = useServices();
  const online = useOnline();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const busy = state.kind === 'reading' || state.kind === 'sending';

  const send = async (file: PickedFile, format: ImportFormat) => {
    const token = services.auth.getToken();
    if (token === null) {
      setState({ kind: 'failed', message: 'Sign in again to import a logbook.' });
      return;
    }
    setState({ kind: 'sending', file, format });
    const answer = await services.importsApi.importLogbook(token, {
      format,
      timeZone: deviceTimeZone(),
      bytes: file.bytes,
    });
    if (!answer.ok || answer.data === null) {
      setState({
        kind: 'failed',
        message: answer.ok
          ? 'The server gave no answer to the import.'
          : answer.kind === 'offline'
            ? 'Importing needs the network: no connection to the Sendlog server.'
            : `The file was not imported: ${answer.message}`,
      });
      return;
    }
    setState({ kind: 'done', file, result: answer.data });
    // The imported sessions come to this device as any other device's do: by the pull.
    void services.syncNow();
  };

  const choose = async () => {
    setState({ kind: 'reading' });
    try {
      const file = await pickLogbookFile();
      if (file === null) return setState({ kind: 'idle' });
      if (file.bytes.length > IMPORT_LIMITS.maxFileBytes) {
        return setState({
          kind: 'failed',
          message: `${file.name} is larger than 8 MiB, the most one import takes.`,
        });
      }
      const head = new TextDecoder().decode(file.bytes.subarray(0, 64 * 1024));
      const format = detectImportFileFormat(head);
      if (format === null) setState({ kind: 'choosing', file });
      else await send(file, format);
    } catch (error) {
      setState({
        kind: 'failed',
        message: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Import a logbook
      </Text>
      <Text style={common.muted}>
        A Sendlog backup (JSON), or the CSV that theCrag, 8a.nu, Mountain Project, KAYA or BoardLib
        (Kilter, Tension) exports. Importing the same file again adds nothing.
      </Text>
      {online === false ? (
        <Text role="status" style={common.body}>
          Importing needs the network: connect to import a logbook.
        </Text>
      ) : null}
      <View style={styles.actions}>
        <Button
          label="Choose a file"
          name="Choose a file to import a logbook"
          disabled={busy || online === false}
          onPress={() => void choose()}
        />
      </View>
      {state.kind === 'reading' ? (
        <Text role="status" aria-live="polite" style={common.body}>
          Reading the file…
        </Text>
      ) : null}
      {state.kind === 'sending' ? (
        <Text role="status" aria-live="polite" style={common.body}>
          {`Importing ${state.file.name} (${IMPORT_FORMAT_NAMES[state.format]}, ${plural(lineCount(state.file.bytes), 'line', 'lines')})…`}
        </Text>
      ) : null}
      {state.kind === 'choosing' ? (
        <View style={styles.choice}>
          <Text style={common.body}>
            {`Which logbook wrote ${state.file.name}? Its first line is none Sendlog knows.`}
          </Text>
          <View style={styles.actions}>
            {IMPORT_FORMATS.map((format) => (
              <Button
                key={format}
                label={IMPORT_FORMAT_NAMES[format]}
                onPress={() => void send(state.file, format)}
              />
            ))}
            <Button label="Cancel" variant="link" onPress={() => setState({ kind: 'idle' })} />
          </View>
        </View>
      ) : null}
      {state.kind === 'done' ? (
        <View style={styles.choice}>
          <Text role="status" aria-live="polite" style={common.body}>
            {`${state.file.name}: ${importSummaryText(state.result)}`}
          </Text>
          {state.result.rejected.map((r) => (
            <Text key={`${r.line}:${r.reason}`} style={common.muted}>
              {`Line ${r.line}: ${r.reason}`}
            </Text>
          ))}
        </View>
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
  choice: { gap: spacing.xs },
});
