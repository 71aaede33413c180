import { useState } from 'react';
import { View } from 'react-native';
import type { LayoutChangeEvent } from 'react-native';
import Svg, { Line, Rect, Text as SvgText } from 'react-native-svg';
import type { InsightsResponse } from '@sendlog/contract';
import { scaleTo } from '@sendlog/rules/progress';
import { AXIS, CHART_FONT, ChartCard } from '../../../../progress/charts/ChartCard';
import { colors } from '../../../../theme/theme';
import {
  climbersPerWeek,
  gradeShares,
  gradeSharesSummary,
  type CountBars,
} from '../../../../insights/insightCharts';

const SET = { fill: colors.primaryBackground, stroke: colors.primary };
const CLIMBED = { fill: colors.success, stroke: colors.success };

/** The card's drawing width, measured (a phone's column or half a laptop's window). */
export function useWidth(initial = 320): [number, (e: LayoutChangeEvent) => void] {
  const [width, setWidth] = useState(initial);
  return [width, (e) => setWidth(Math.max(200, Math.floor(e.nativeEvent.layout.width)))];
}

/** The set against the climbing, one row per grade: two bars of shares in percent. */
export function SetVsClimbedChart({ insights }: { insights: InsightsResponse }) {
  const rows = gradeShares(insights);
  const [width, onLayout] = useWidth();
  const label = 44;
  const row = 30;
  // Room on the right for the longest bar's "100% · 100%".
  const plot = width - label - 96;
  const top = Math.max(1, ...rows.flatMap((r) => [r.setShare, r.climbedShare]));
  return (
    <ChartCard
      title="The set and what was climbed, by grade"
      legend={[
        { label: 'Share of the set (climbs up now)', ...SET },
        { label: 'Share of the tries', ...CLIMBED },
      ]}
      summary={gradeSharesSummary(rows)}
      emptyText={rows.length === 0 ? 'Nothing set or climbed yet.' : null}
    >
      <View onLayout={onLayout}>
        <Svg width={width} height={rows.length * row + 4} fontFamily={CHART_FONT}>
          {rows.map((r, i) => {
            const y = i * row + 2;
            return [
              <SvgText
                key={`g-${r.grade}`}
                x={label - 6}
                y={y + 17}
                textAnchor="end"
                fontSize={12}
                fill={colors.text}
              >
                {r.grade}
              </SvgText>,
              <Rect
                key={`s-${r.grade}`}
                x={label}
                y={y + 2}
                width={scaleTo(r.setShare, top, plot)}
                height={11}
                fill={SET.fill}
                stroke={SET.stroke}
                strokeWidth={1}
              />,
              <Rect
                key={`c-${r.grade}`}
                x={label}
                y={y + 15}
                width={scaleTo(r.climbedShare, top, plot)}
                height={11}
                fill={CLIMBED.fill}
              />,
              <SvgText
                key={`v-${r.grade}`}
                x={label + scaleTo(Math.max(r.setShare, r.climbedShare), top, plot) + 4}
                y={y + 17}
                fontSize={AXIS.fontSize}
                fill={AXIS.text}
              >
                {`${r.setShare}% · ${r.climbedShare}%`}
              </SvgText>,
            ];
          })}
        </Svg>
      </View>
    </ChartCard>
  );
}

/** Vertical bars of counts with their axis; labels under every `labelEvery`-th bar. */
function CountBarsSvg({
  data,
  width,
  height = 120,
  labelEvery = 1,
  color,
}: {
  data: CountBars;
  width: number;
  height?: number;
  labelEvery?: number;
  color: string;
}) {
  const left = 28;
  const bottom = 18;
  const plotH = height - bottom - 6;
  const slot = (width - left - 4) / Math.max(1, data.bars.length);
  return (
    <Svg width={width} height={height} fontFamily={CHART_FONT}>
      {data.axis.ticks.map((tick) => {
        const y = 6 + plotH - scaleTo(tick, data.axis.max, plotH);
        return [
          <Line
            key={`l${tick}`}
            x1={left}
            x2={width - 4}
            y1={y}
            y2={y}
            stroke={tick === 0 ? colors.muted : AXIS.line}
            strokeWidth={1}
          />,
          <SvgText
            key={`t${tick}`}
            x={left - 4}
            y={y + 4}
            textAnchor="end"
            fontSize={AXIS.fontSize}
            fill={AXIS.text}
          >
            {tick}
          </SvgText>,
        ];
      })}
      {data.bars.map((b, i) => {
        const h = scaleTo(b.value, data.axis.max, plotH);
        const x = left + i * slot;
        return [
          <Rect
            key={`b${b.key}`}
            x={x + slot * 0.15}
            y={6 + plotH - h}
            width={slot * 0.7}
            height={h}
            fill={color}
          />,
          i % labelEvery === 0 ? (
            <SvgText
              key={`x${b.key}`}
              x={x + slot / 2}
              y={height - 4}
              textAnchor="middle"
              fontSize={AXIS.fontSize}
              fill={AXIS.text}
            >
              {b.label}
            </SvgText>
          ) : null,
        ];
      })}
    </Svg>
  );
}

export function ClimbersPerWeekChart({ insights }: { insights: InsightsResponse }) {
  const data = climbersPerWeek(insights);
  const [width, onLayout] = useWidth();
  return (
    <ChartCard title="Climbers per week" summary={data.summary}>
      <View onLayout={onLayout}>
        <CountBarsSvg
          data={data}
          width={width}
          labelEvery={Math.max(1, Math.ceil(data.bars.length / 6))}
          color={colors.success}
        />
      </View>
    </ChartCard>
  );
}
