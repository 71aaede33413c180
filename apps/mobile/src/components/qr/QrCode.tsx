import { useEffect, useState } from 'react';
import { Text, View } from 'react-native';
import Svg, { Path, Rect } from 'react-native-svg';
import { common } from '../../theme/theme';
import { loadQrEncoder } from './loadQrEncoder';
import { QUIET_ZONE, qrPath } from './qrPath';

/**
 * A QR code of `value`, drawn with react-native-svg from the modules the `qrcode` library encodes
 * (error correction M: still read with a smudge on a printed poster). On the web the library is
 * fetched when the first code is drawn (`loadQrEncoder.web.ts`).
 */
export function QrCode(props: { value: string; size: number; label: string }) {
  const [drawn, setDrawn] = useState<{ value: string; path: string; cells: number } | null>(null);

  useEffect(() => {
    let current = true;
    void loadQrEncoder().then((create) => {
      if (!current) return;
      const { modules } = create(props.value, { errorCorrectionLevel: 'M' });
      setDrawn({ value: props.value, path: qrPath(modules), cells: modules.size + 2 * QUIET_ZONE });
    });
    return () => {
      current = false;
    };
  }, [props.value]);

  if (drawn?.value !== props.value) {
    return (
      <View style={{ width: props.size, height: props.size, justifyContent: 'center' }}>
        <Text style={common.muted}>Drawing the code…</Text>
      </View>
    );
  }
  return (
    <View role="img" aria-label={props.label} testID="qr-code">
      <Svg width={props.size} height={props.size} viewBox={`0 0 ${drawn.cells} ${drawn.cells}`}>
        <Rect x={0} y={0} width={drawn.cells} height={drawn.cells} fill="#ffffff" />
        <Path d={drawn.path} fill="#000000" />
      </Svg>
    </View>
  );
}
