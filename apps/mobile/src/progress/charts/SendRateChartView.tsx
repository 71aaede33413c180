import Svg, { Rect, Text as SvgText } from 'react-native-svg';
import { colors } from '../../theme/theme';
import type { SendRateChart } from '@sendlog/rules/progress';
import { BottomValueAxis } from './axes';
import { AXIS, CHART_FONT, ChartCard } from './ChartCard';

export function SendRateChartView({ chart }: { chart: SendRateChart }) {
  return (
    <ChartCard
      title="Send rate per grade"
      legend={[{ label: 'Routes sent, of all routes at the grade', fill: colors.primary }]}
      summary={chart.summary}
      emptyText={chart.bars.length === 0 ? 'No routes in this period.' : null}
    >
      <Svg width={chart.width} height={chart.height} fontFamily={CHART_FONT}>
        {chart.bars.map((bar) => [
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
          </SvgText>,
          <Rect
            key={`track-${bar.label}`}
            x={chart.plotLeft}
            y={bar.y}
            width={chart.plotRight - chart.plotLeft}
            height={chart.barHeight}
            rx={2}
            fill={colors.background}
            stroke={AXIS.line}
            strokeWidth={1}
          />,
          <Rect
            key={`rate-${bar.label}`}
            x={chart.plotLeft}
            y={bar.y}
            width={bar.width}
            height={chart.barHeight}
            rx={2}
            fill={colors.primary}
          />,
          <SvgText
            key={`value-${bar.label}`}
            x={chart.plotRight + 8}
            y={bar.middleY + 4}
            fontSize={12}
            fill={colors.text}
          >
            {`${bar.percent}% (${bar.sends}/${bar.tries})`}
          </SvgText>,
        ])}
        <BottomValueAxis chart={chart} format={(value) => `${value}%`} />
      </Svg>
    </ChartCard>
  );
}
