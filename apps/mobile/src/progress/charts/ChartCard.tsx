import type { ReactNode } from 'react';
import { Platform, StyleSheet, Text, View } from 'react-native';
import { colors, common, spacing } from '../../theme/theme';

export interface LegendItem {
  label: string;
  /** Fill of the swatch, and its outline (hollow marks: fill `surface`, outline the colour). */
  fill: string;
  stroke?: string;
  /** A line rather than a block (the "best so far" step line). */
  line?: boolean;
}

/**
 * A chart with its heading, a legend in words, and the picture. The picture is one image to a
 * screen reader, named by `summary`: every number the bars show, in reading order, so nothing
 * is only in the drawing.
 */
export function ChartCard(props: {
  title: string;
  legend?: readonly LegendItem[];
  summary: string;
  children: ReactNode;
  /** Shown instead of the picture when there is nothing to draw. */
  emptyText?: string | null;
}) {
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        {props.title}
      </Text>
      {props.emptyText ? (
        <Text style={common.muted}>{props.emptyText}</Text>
      ) : (
        <>
          {props.legend ? <Legend items={props.legend} /> : null}
          <View role="img" aria-label={props.summary} accessible>
            {props.children}
          </View>
        </>
      )}
    </View>
  );
}

function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <View style={styles.legend}>
      {items.map((item) => (
        <View key={item.label} style={common.row}>
          <View
            style={[
              item.line ? styles.line : styles.swatch,
              { backgroundColor: item.fill, borderColor: item.stroke ?? item.fill },
            ]}
          />
          <Text style={styles.legendLabel}>{item.label}</Text>
        </View>
      ))}
    </View>
  );
}

/** The colours of the axes and their labels (muted text passes 4.5:1 on a card). */
export const AXIS = {
  line: colors.border,
  text: colors.muted,
  fontSize: 11,
} as const;

/**
 * The font of the app's own text for the charts' labels: an SVG <text> on the web falls back to
 * the browser's serif otherwise. Phones draw SVG text in the system font already.
 */
export const CHART_FONT =
  Platform.OS === 'web' ? 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' : undefined;

const styles = StyleSheet.create({
  legend: { flexDirection: 'row', flexWrap: 'wrap', columnGap: spacing.lg, rowGap: spacing.xs },
  swatch: { width: 14, height: 14, borderRadius: 3, borderWidth: 1.5 }, // holds no text
  line: { width: 18, height: 0, borderTopWidth: 2.5, borderStyle: 'dashed' }, // holds no text
  legendLabel: { fontSize: 13, color: colors.text },
});
