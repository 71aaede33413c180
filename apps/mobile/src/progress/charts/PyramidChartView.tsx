import Svg, { Line, Rect, Text as SvgText } from 'react-native-svg';
import { colors } from '../../theme/theme';
import { PYRAMID_KINDS, type PyramidChart, type PyramidKind } from '@sendlog/rules/progress';
import { BottomValueAxis } from './axes';
import { AXIS, CHART_FONT, ChartCard } from './ChartCard';

/** Flashed and sent are solid; tried only is hollow, so it reads as "not (yet) done". */
export const PYRAMID_COLORS: Record<PyramidKind, { fill: string; stroke: string }> = {
  flashed: { fill: colors.flash, stroke: colors.flash },
  sent: { fill: colors.success, stroke: colors.success },
  triedOnly: { fill: colors.surface, stroke: colors.muted },
};

export function PyramidChartView({ chart }: { chart: PyramidChart }) {
  return (
    <ChartCard
      title="Grade pyramid"
      legend={PYRAMID_KINDS.map(({ kind, label }) => ({ label, ...PYRAMID_COLORS[kind] }))}
      summary={chart.summary}
      emptyText={chart.bars.length === 0 ? 'No climbs in this period.' : null}
    >
      <Svg width={chart.width} height={chart.height} fontFamily={CHART_FONT}>
        {chart.xTicks.map((tick) => (
          <Line
            key={tick.value}
            x1={tick.x}
            x2={tick.x}
            y1={0}
            y2={chart.axisY}
            stroke={AXIS.line}
            strokeWidth={1}
          />
        ))}
        {chart.bars.map((bar) => (
          <SvgText
            key={`label-${bar.label}`}
            x={chart.plotLeft - 8}
            y={bar.middleY + 4}
            textAnchor="end"
            fontSize={13}
            fontWeight="600"
            fill={colors.text}
          >
            {bar.axisLabel}
          </SvgText>
        ))}
        {chart.bars.flatMap((bar) =>
          bar.segments.map((segment) => (
            <Rect
              key={`${bar.label}-${segment.kind}`}
              x={segment.x + 0.75}
              y={bar.y + 0.75}
              // A hair apart, so two segments of one bar never melt into one.
              width={Math.max(0, segment.width - 1.5)}
              height={chart.barHeight - 1.5}
              rx={2}
              fill={PYRAMID_COLORS[segment.kind].fill}
              stroke={PYRAMID_COLORS[segment.kind].stroke}
              strokeWidth={1.5}
            />
          )),
        )}
        {chart.bars.map((bar) =>
          bar.total > 0 ? (
            <SvgText
              key={`total-${bar.label}`}
              x={bar.totalX}
              y={bar.middleY + 4}
              fontSize={12}
              fill={colors.text}
            >
              {bar.total}
            </SvgText>
          ) : null,
        )}
        <BottomValueAxis chart={chart} />
      </Svg>
    </ChartCard>
  );
}
