import { useState } from 'react';
import { Text, View } from 'react-native';
import type { Layout } from '@sendlog/contract';
import { Button } from '../../../components/Button';
import { common } from '../../../theme/theme';
import { pickWallPicture } from './pickWallPicture';
import { checkPicture, sizeText } from './uploadPicture';
import type { useManageCall } from '../common/useManageCall';

type Upload =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'uploading'; size: number }
  | { kind: 'done'; size: number }
  | { kind: 'failed'; message: string };

/**
 * Upload or replace a wall's picture. fetch() reports no upload progress, so the state says what
 * is happening and how big the file is; the server's refusal (not a picture, too big) is shown
 * as it said it.
 */
export function WallPictureUpload({
  layout,
  manage,
}: {
  layout: Layout;
  manage: ReturnType<typeof useManageCall>;
}) {
  const [upload, setUpload] = useState<Upload>({ kind: 'idle' });
  const working = upload.kind === 'reading' || upload.kind === 'uploading';

  const choose = async () => {
    setUpload({ kind: 'reading' });
    let picked;
    try {
      picked = await pickWallPicture();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setUpload({ kind: 'failed', message: `The picture could not be read: ${reason}` });
      return;
    }
    if (picked === null) {
      setUpload({ kind: 'idle' });
      return;
    }
    const checked = checkPicture(picked);
    if (!checked.ok) {
      setUpload({ kind: 'failed', message: checked.message });
      return;
    }
    const size = picked.bytes.length;
    setUpload({ kind: 'uploading', size });
    const outcome = await manage.run((api, token) =>
      api.uploadPicture(token, layout.id, { bytes: picked.bytes, type: checked.type }),
    );
    setUpload(
      outcome.ok ? { kind: 'done', size } : { kind: 'failed', message: outcome.refusal.message },
    );
  };

  const status =
    upload.kind === 'reading'
      ? 'Reading the picture…'
      : upload.kind === 'uploading'
        ? `Uploading ${sizeText(upload.size)}…`
        : upload.kind === 'done'
          ? `Picture uploaded (${sizeText(upload.size)}).`
          : null;

  return (
    <View style={common.card}>
      <Text style={common.heading}>Wall picture</Text>
      <Text style={common.muted}>
        {layout.image
          ? `${layout.image.width} × ${layout.image.height} px. Climbs keep their spots on a new picture of the same wall.`
          : 'No picture yet: climbers see a list only. A JPEG, PNG or WebP photo of the whole wall, up to 8 MiB.'}
      </Text>
      <Button
        label={layout.image ? 'Replace picture' : 'Upload a picture'}
        variant={layout.image ? 'secondary' : 'primary'}
        disabled={manage.offline || working || manage.busy}
        onPress={() => void choose()}
      />
      <View role="status" aria-live="polite">
        {status ? <Text style={common.body}>{status}</Text> : null}
      </View>
      {upload.kind === 'failed' ? (
        <Text role="alert" style={common.error}>
          {upload.message}
        </Text>
      ) : null}
    </View>
  );
}
