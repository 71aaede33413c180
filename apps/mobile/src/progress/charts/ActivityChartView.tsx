import Svg, { Line, Rect, Text as SvgText } from 'react-native-svg';
import { colors } from '../../theme/theme';
import type { ActivityChart } from '@sendlog/rules/progress';
import { WeekLabels } from './axes';
import { AXIS, CHART_FONT, ChartCard } from './ChartCard';

const ATTEMPTS = { fill: colors.primaryBackground, stroke: colors.primary };
const SENDS = { fill: colors.success, stroke: colors.success };
const SESSIONS = { fill: colors.primary, stroke: colors.primary };

export function ActivityChartView({ chart }: { chart: ActivityChart }) {
  const { climbing, sessionsPanel } = chart;
  return (
    <ChartCard
      title="Activity per week"
      legend={[
        { label: 'Attempts', ...ATTEMPTS },
        { label: 'Sends', ...SENDS },
        { label: 'Sessions (below)', ...SESSIONS },
      ]}
      summary={chart.summary}
    >
      <Svg width={chart.width} height={chart.height} fontFamily={CHART_FONT}>
        {[climbing, sessionsPanel].flatMap((panel, p) =>
          panel.ticks.map((tick) => [
            <Line
              key={`grid-${p}-${tick.value}`}
              x1={chart.plotLeft}
              x2={chart.plotRight}
              y1={tick.y}
              y2={tick.y}
              stroke={tick.value === 0 ? colors.muted : AXIS.line}
              strokeWidth={1}
            />,
            <SvgText
              key={`tick-${p}-${tick.value}`}
              x={chart.plotLeft - 6}
              y={tick.y + 4}
              textAnchor="end"
              fontSize={AXIS.fontSize}
              fill={AXIS.text}
            >
              {tick.value}
            </SvgText>,
          ]),
        )}
        {chart.columns.map((column) => [
          <Rect
            key={`attempts-${column.weekStart}`}
            x={column.x}
            y={column.attemptsBar.y}
            width={column.width}
            height={column.attemptsBar.height}
            fill={ATTEMPTS.fill}
            stroke={column.attempts > 0 ? ATTEMPTS.stroke : 'none'}
            strokeWidth={1}
          />,
          <Rect
            key={`sends-${column.weekStart}`}
            x={column.x}
            y={column.sendsBar.y}
            width={column.width}
            height={column.sendsBar.height}
            fill={SENDS.fill}
          />,
          <Rect
            key={`sessions-${column.weekStart}`}
            x={column.x}
            y={column.sessionsBar.y}
            width={column.width}
            height={column.sessionsBar.height}
            fill={SESSIONS.fill}
          />,
        ])}
        <WeekLabels labels={chart.xLabels} y={chart.labelY} />
      </Svg>
    </ChartCard>
  );
}
