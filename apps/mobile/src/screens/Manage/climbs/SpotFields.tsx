import { useState } from 'react';
import { View } from 'react-native';
import type { WallPosition } from '@sendlog/contract';
import { common } from '../../../theme/theme';
import { LabeledField } from '../common/LabeledField';

const percentOf = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v * 100)));

/** "35" → 0.35; anything but a number from 0 to 100 → null. */
export function readPercent(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 0 && value <= 100 ? Math.round(value * 100) / 10_000 : null;
}

/**
 * The climb's spot as two numbers: how a keyboard or screen-reader user places a climb (a tap on
 * the picture needs a pointer), and how anyone nudges one precisely. A tap on the picture fills
 * them in.
 */
export function SpotFields({
  position,
  onChange,
  onValid,
}: {
  position: WallPosition | null;
  onChange: (position: WallPosition | null) => void;
  /** Whether the fields can be read as a spot (or left empty): the form is not saved otherwise. */
  onValid: (valid: boolean) => void;
}) {
  const [across, setAcross] = useState(percentOf(position?.x));
  const [down, setDown] = useState(percentOf(position?.y));
  // A tap on the picture moves the spot: the fields follow it (adjusted while rendering, as React
  // advises for state derived from a prop), unless they already say it ("35.5" stays as typed).
  const x = position?.x ?? null;
  const y = position?.y ?? null;
  const [seen, setSeen] = useState({ x, y });
  if (seen.x !== x || seen.y !== y) {
    setSeen({ x, y });
    if (readPercent(across) !== x) setAcross(percentOf(x ?? undefined));
    if (readPercent(down) !== y) setDown(percentOf(y ?? undefined));
  }

  const change = (nextAcross: string, nextDown: string) => {
    setAcross(nextAcross);
    setDown(nextDown);
    const nextX = readPercent(nextAcross);
    const nextY = readPercent(nextDown);
    const empty = nextAcross.trim() === '' && nextDown.trim() === '';
    if (empty) onChange(null);
    else if (nextX !== null && nextY !== null) onChange({ x: nextX, y: nextY });
    onValid(empty || (nextX !== null && nextY !== null));
  };
  const problem = (text: string) =>
    text.trim() === '' || readPercent(text) !== null ? undefined : 'A number from 0 to 100';
  const missing = (text: string, other: string) =>
    text.trim() === '' && other.trim() !== '' ? 'Give both numbers, or neither' : undefined;

  return (
    <View style={common.row}>
      <View style={{ flex: 1 }}>
        <LabeledField
          label="Across (%)"
          value={across}
          onChangeText={(text) => change(text, down)}
          error={problem(across) ?? missing(across, down)}
        />
      </View>
      <View style={{ flex: 1 }}>
        <LabeledField
          label="Down (%)"
          value={down}
          onChangeText={(text) => change(across, text)}
          error={problem(down) ?? missing(down, across)}
        />
      </View>
    </View>
  );
}
