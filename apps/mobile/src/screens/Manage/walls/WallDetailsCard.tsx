import { useState } from 'react';
import { Text, View } from 'react-native';
import { updateLayoutBodySchema, issuesToDetails } from '@sendlog/contract';
import type { Layout } from '@sendlog/contract';
import { Button } from '../../../components/Button';
import { BusyLine } from '../common/BusyLine';
import { common } from '../../../theme/theme';
import { LabeledField } from '../common/LabeledField';
import { messageFor } from '../common/refusal';
import type { useManageCall } from '../common/useManageCall';
import { fieldsOf } from './wallForm';

/** The wall's name and description being edited; lives in the screen, like the climb form. */
export interface WallDetailsDraft {
  name: string;
  description: string;
}

/**
 * The wall itself: rename it, describe it, archive it (climbers no longer start sessions on an
 * archived wall; their logs of it stay) or bring it back.
 */
export function WallDetailsCard({
  layout,
  manage,
  draft,
  onDraft,
}: {
  layout: Layout;
  manage: ReturnType<typeof useManageCall>;
  draft: WallDetailsDraft | null;
  onDraft: (draft: WallDetailsDraft | null) => void;
}) {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  const save = async (body: { name?: string; description?: string; archived?: boolean }) => {
    setMessage(null);
    const parsed = updateLayoutBodySchema.safeParse(body);
    if (!parsed.success) {
      setFields(fieldsOf(issuesToDetails(parsed.error.issues)));
      return;
    }
    setFields({});
    const outcome = await manage.run((api, token) =>
      api.updateLayout(token, layout.id, parsed.data),
    );
    if (!outcome.ok) {
      setFields({ ...outcome.refusal.fields });
      setMessage(messageFor(outcome.refusal, ['name', 'description']));
    } else if (body.archived === undefined) {
      onDraft(null);
    }
  };

  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.title}>
        The wall
      </Text>
      {draft ? (
        <>
          <LabeledField
            label="Wall name"
            value={draft.name}
            onChangeText={(name) => onDraft({ ...draft, name })}
            error={fields.name}
          />
          <LabeledField
            label="Description"
            value={draft.description}
            onChangeText={(description) => onDraft({ ...draft, description })}
            multiline
            error={fields.description}
          />
          <View style={common.row}>
            <Button
              label="Save wall"
              variant="primary"
              disabled={manage.offline || manage.busy}
              onPress={() => void save(draft)}
            />
            <Button label="Cancel" onPress={() => onDraft(null)} />
          </View>
          <BusyLine busy={manage.busy} text="Saving…" />
        </>
      ) : (
        <>
          <Text style={common.body}>
            {layout.name}
            {layout.archived ? ' (archived: climbers cannot start a session here)' : ''}
          </Text>
          {layout.description ? <Text style={common.muted}>{layout.description}</Text> : null}
          <View style={common.row}>
            <Button
              label="Rename or describe"
              disabled={manage.offline}
              onPress={() => onDraft({ name: layout.name, description: layout.description })}
            />
            <Button
              label={layout.archived ? 'Unarchive wall' : 'Archive wall'}
              disabled={manage.offline || manage.busy}
              onPress={() => void save({ archived: !layout.archived })}
            />
          </View>
        </>
      )}
      {message ? (
        <Text role="alert" style={common.error}>
          {message}
        </Text>
      ) : null}
    </View>
  );
}
