import Svg, { Circle, Line, Path, Text as SvgText } from 'react-native-svg';
import { colors } from '../../theme/theme';
import type { HardestChart } from '@sendlog/rules/progress';
import { WeekLabels } from './axes';
import { AXIS, CHART_FONT, ChartCard } from './ChartCard';

export function HardestChartView({ chart }: { chart: HardestChart }) {
  return (
    <ChartCard
      title="Hardest send per week"
      legend={[
        { label: 'Hardest send that week', fill: colors.primary },
        { label: 'Best so far', fill: colors.flash, line: true },
      ]}
      summary={chart.summary}
      emptyText={chart.points.length === 0 ? 'No sends in this period yet.' : null}
    >
      <Svg width={chart.width} height={chart.height} fontFamily={CHART_FONT}>
        {chart.yTicks.map((tick) => [
          <Line
            key={`grid-${tick.grade}`}
            x1={chart.plotLeft}
            x2={chart.plotRight}
            y1={tick.y}
            y2={tick.y}
            stroke={AXIS.line}
            strokeWidth={1}
          />,
          <SvgText
            key={`grade-${tick.grade}`}
            x={chart.plotLeft - 8}
            y={tick.y + 4}
            textAnchor="end"
            fontSize={12}
            fill={AXIS.text}
          >
            {tick.grade}
          </SvgText>,
        ])}
        <Path
          d={chart.bestSoFarPath}
          stroke={colors.flash}
          strokeWidth={2.5}
          strokeDasharray="6 4"
          fill="none"
        />
        {chart.points.map((point) => (
          <Circle
            key={point.weekStart}
            cx={point.x}
            cy={point.y}
            r={5}
            fill={colors.primary}
            stroke={colors.surface}
            strokeWidth={1.5}
          />
        ))}
        <WeekLabels labels={chart.xLabels} y={chart.labelY} />
      </Svg>
    </ChartCard>
  );
}
