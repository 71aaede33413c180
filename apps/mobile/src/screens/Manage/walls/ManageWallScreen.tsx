import { useEffect, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import type { Climb, Layout, WallPosition } from '@sendlog/contract';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { Button } from '../../../components/Button';
import { useCatalogue, useServices } from '../../../hooks/services';
import { useWideWindow } from '../../../hooks/useWideWindow';
import type { ManageStackParams } from '../../../navigation/types';
import { pointerWord } from '../../../format/pointerWord';
import { common, spacing } from '../../../theme/theme';
import { checkClimbDraft, draftOf } from '../climbs/climbForm';
import type { ClimbDraft } from '../climbs/climbForm';
import { ClimbEditor } from '../climbs/ClimbEditor';
import { ManageClimbList } from '../climbs/ManageClimbList';
import { ManagePicture } from '../picture/ManagePicture';
import { OfflineNotice } from '../common/OfflineNotice';
import { messageFor } from '../common/refusal';
import { ResetWallPanel } from './ResetWallPanel';
import { SettersOnly } from '../common/SettersOnly';
import { WallGymStaffOnly } from '../../Gyms/manage/WallGymStaffOnly';
import { useManageCall } from '../common/useManageCall';
import { WallDetailsCard } from './WallDetailsCard';
import type { WallDetailsDraft } from './WallDetailsCard';
import { WallPictureUpload } from '../picture/WallPictureUpload';

type Props = NativeStackScreenProps<ManageStackParams, 'ManageWall'>;

export function ManageWallScreen(props: Props) {
  return (
    <SettersOnly>
      <WallGymStaffOnly layoutId={props.route.params.layoutId}>
        <ManageWall {...props} />
      </WallGymStaffOnly>
    </SettersOnly>
  );
}

/** The climb being added (at a spot tapped on the picture) or edited; null when neither. */
type Editing = { kind: 'new' } | { kind: 'edit'; climb: Climb };

/** The fields the climb form shows a refusal at. */
const CLIMB_FIELDS = ['name', 'grade', 'color', 'setter', 'position'] as const;

const EMPTY_DRAFT: ClimbDraft = { name: '', grade: '', color: null, setter: '', position: null };

function ManageWall({ route, navigation }: Props) {
  const { layoutId } = route.params;
  const services = useServices();
  const catalogue = useCatalogue();
  const manage = useManageCall();
  const wide = useWideWindow();
  const layout = catalogue.layouts?.find((l) => l.id === layoutId);
  const climbs = catalogue.climbsByLayout[layoutId] ?? [];

  const [editing, setEditing] = useState<Editing | null>(null);
  const [draft, setDraft] = useState<ClimbDraft>(EMPTY_DRAFT);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ climbId: string; message: string } | null>(null);
  const [wallDraft, setWallDraft] = useState<WallDetailsDraft | null>(null);
  // Each spot placed on the picture: the form then takes focus at the climb's name.
  const [placed, setPlaced] = useState(0);

  useEffect(() => {
    navigation.setOptions({ title: layout ? `Manage ${layout.name}` : 'Manage wall' });
  }, [navigation, layout]);

  if (!layout) {
    return (
      <View style={common.screen}>
        <OfflineNotice offline={manage.offline} />
        <View style={common.content}>
          <Text style={common.body}>
            {catalogue.refreshing ? 'Loading the wall…' : 'This wall is not on this device.'}
          </Text>
          <Button
            label="Refresh"
            disabled={manage.offline}
            onPress={() => void services.refreshCatalogue()}
          />
        </View>
      </View>
    );
  }

  const open = (next: Editing, nextDraft: ClimbDraft) => {
    setEditing(next);
    setDraft(nextDraft);
    setFields({});
    setMessage(null);
    setDone(null);
  };
  const close = () => {
    setEditing(null);
    setFields({});
    setMessage(null);
  };

  /** A tap on the picture: where a new climb starts, or the new spot of the one being edited. */
  const placeAt = (position: WallPosition) => {
    setPlaced((n) => n + 1);
    if (editing) setDraft({ ...draft, position });
    // The setter name carries over: one setter usually puts up several climbs in a row.
    else open({ kind: 'new' }, { ...EMPTY_DRAFT, setter: draft.setter, position });
  };

  const save = async () => {
    if (!editing) return;
    setMessage(null);
    const checked = checkClimbDraft(draft, layout.gradeSystem);
    if (!checked.ok) {
      setFields(checked.fields);
      return;
    }
    setFields({});
    const { body } = checked;
    const outcome =
      editing.kind === 'new'
        ? await manage.run((api, token) => api.createClimb(token, layout.id, body))
        : await manage.run((api, token) =>
            // The setter's name is not editable on the server (PATCH takes no `setter`).
            api.updateClimb(token, editing.climb.id, {
              name: body.name,
              grade: body.grade,
              color: body.color ?? null,
              position: body.position ?? null,
            }),
          );
    if (!outcome.ok) {
      setFields({ ...outcome.refusal.fields });
      setMessage(messageFor(outcome.refusal, CLIMB_FIELDS));
      return;
    }
    close();
    setDone(
      editing.kind === 'new'
        ? `Added ${outcome.data.climb.name}.`
        : `Saved ${outcome.data.climb.name}.`,
    );
  };

  const setArchived = async (climb: Climb, archived: boolean) => {
    setProblem(null);
    const outcome = await manage.run((api, token) =>
      api.updateClimb(token, climb.id, { archived }),
    );
    if (!outcome.ok) setProblem({ climbId: climb.id, message: outcome.refusal.message });
    else if (editing?.kind === 'edit' && editing.climb.id === climb.id) close();
  };

  const selectedClimbId = editing?.kind === 'edit' ? editing.climb.id : null;
  const picture = (
    <ManagePicture
      layout={layout}
      climbs={climbs.filter((c) => !c.archived)}
      editingClimbId={selectedClimbId}
      draft={editing ? draft : null}
      onPressWall={placeAt}
      // Dragging the open climb's dot moves its spot, as a tap elsewhere does.
      onDragDraft={(position) => setDraft({ ...draft, position })}
      onPressClimb={(climb) => open({ kind: 'edit', climb }, draftOf(climb))}
    />
  );
  const editor = editing ? (
    <ClimbEditor
      // A fresh form per climb: what one climb's spot fields said does not carry to the next.
      key={editing.kind === 'edit' ? editing.climb.id : 'new'}
      title={editing.kind === 'new' ? 'New climb' : `Edit ${editing.climb.name}`}
      draft={draft}
      onChange={setDraft}
      gradeSystem={layout.gradeSystem}
      hasPicture={layout.image !== null}
      showSetter={editing.kind === 'new'}
      fields={fields}
      message={message}
      saveLabel={editing.kind === 'new' ? 'Add climb' : 'Save climb'}
      busy={manage.busy}
      onSave={() => void save()}
      placed={placed}
      sameName={sameNameOf(climbs, draft.name, selectedClimbId)}
      onCancel={close}
      disabled={manage.offline || manage.busy}
    />
  ) : (
    <View style={common.card}>
      <Text style={common.body}>
        {layout.image
          ? `${pointerWord().Press} the picture where a new climb starts, or a dot to edit its climb.`
          : 'Upload a picture to place climbs on it, or add one without a spot.'}
      </Text>
      <Button
        label="Add a climb without a spot"
        disabled={manage.offline}
        onPress={() => open({ kind: 'new' }, { ...EMPTY_DRAFT, setter: draft.setter })}
      />
      {done ? (
        <Text role="status" style={common.body}>
          {done}
        </Text>
      ) : null}
    </View>
  );
  const details = (
    <>
      {editor}
      <ManageClimbList
        climbs={climbs}
        selectedClimbId={selectedClimbId}
        disabled={manage.offline || manage.busy}
        onEdit={(climb) => open({ kind: 'edit', climb }, draftOf(climb))}
        onSetArchived={(climb, archived) => void setArchived(climb, archived)}
        problem={problem}
      />
      <ResetWallPanel layout={layout} climbs={climbs} manage={manage} />
      <WallDetailsCard layout={layout} manage={manage} draft={wallDraft} onDraft={setWallDraft} />
    </>
  );

  return (
    <View style={common.screen}>
      <OfflineNotice offline={manage.offline} />
      <WallSummary layout={layout} />
      {wide ? (
        // A laptop's window: the picture beside the form and list, each column scrolling alone,
        // so the spot being placed stays in view while the form is filled in.
        <View style={styles.columns}>
          <ScrollView style={styles.pictureColumn} contentContainerStyle={common.content}>
            {picture}
            <WallPictureUpload layout={layout} manage={manage} />
          </ScrollView>
          <ScrollView
            style={styles.sideColumn}
            contentContainerStyle={common.content}
            keyboardShouldPersistTaps="handled"
          >
            {details}
          </ScrollView>
        </View>
      ) : (
        <ScrollView contentContainerStyle={common.content} keyboardShouldPersistTaps="handled">
          {picture}
          <WallPictureUpload layout={layout} manage={manage} />
          {details}
        </ScrollView>
      )}
    </View>
  );
}

/** The name as another climb up on the wall has it, when the draft's name matches it. */
export function sameNameOf(
  climbs: readonly Climb[],
  name: string,
  exceptClimbId: string | null,
): string | null {
  const wanted = name.trim().toLocaleLowerCase();
  if (wanted === '') return null;
  const other = climbs.find(
    (c) => !c.archived && c.id !== exceptClimbId && c.name.trim().toLocaleLowerCase() === wanted,
  );
  return other?.name ?? null;
}

function WallSummary({ layout }: { layout: Layout }) {
  return (
    <View style={styles.summary}>
      <Text style={common.muted}>
        {layout.archived ? 'Archived (climbers cannot start a session here) · ' : ''}
        {layout.gradeSystem} grades{layout.description ? ` · ${layout.description}` : ''}
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  columns: { flex: 1, flexDirection: 'row' },
  pictureColumn: { flex: 3 },
  sideColumn: { flex: 2, minWidth: 360 },
  summary: { paddingHorizontal: spacing.lg, paddingTop: spacing.sm },
});
