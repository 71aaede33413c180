import { Text, View } from 'react-native';
import Svg, { Rect, Text as SvgText } from 'react-native-svg';
import type { InsightsResponse } from '@sendlog/contract';
import { AXIS, CHART_FONT, ChartCard } from '../../../../progress/charts/ChartCard';
import { colors, common } from '../../../../theme/theme';
import {
  GRID_SHADES,
  WEEKDAY_SHORT,
  cellOrigin,
  gridLayout,
  shadeLegend,
  shadeLevel,
  weekdayHourGrid,
  type GridLayout,
} from '../../../../insights/weekdayHourGrid';
import { useWidth } from './InsightCharts';

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * When climbers come: a 7 × 24 grid of the sessions started in each local hour of each weekday.
 * Each cell with sessions carries its count as well as its shade; hours run across on a wide
 * card and down on a phone (24 columns would be too thin there to hold a number). A screen
 * reader reads the busiest cells and then the whole table, weekday by weekday.
 */
export function WeekdayHourChart({ insights }: { insights: InsightsResponse }) {
  const grid = weekdayHourGrid(insights);
  const [width, onLayout] = useWidth();
  const layout = gridLayout(width);
  return (
    <ChartCard
      title="When climbers come (sessions started, gym's time)"
      legend={[
        { label: 'No session', fill: GRID_SHADES[0].fill, stroke: colors.border },
        ...shadeLegend(grid.max).map((l) => ({ label: l.label, fill: GRID_SHADES[l.level]!.fill })),
      ]}
      summary={grid.summary}
    >
      <View onLayout={onLayout}>
        <Text style={common.muted}>{grid.busiestText}</Text>
        <Svg width={layout.width} height={layout.height} fontFamily={CHART_FONT}>
          <Labels layout={layout} />
          {WEEKDAYS.flatMap((weekday) =>
            HOURS.map((hour) => {
              const n = grid.sessions[weekday - 1]![hour]!;
              const shade = GRID_SHADES[shadeLevel(n, grid.max)]!;
              const { x, y } = cellOrigin(layout, weekday, hour);
              return [
                <Rect
                  key={`c${weekday}-${hour}`}
                  x={x + 1}
                  y={y + 1}
                  width={layout.cellWidth - 2}
                  height={layout.cellHeight - 2}
                  rx={3}
                  fill={shade.fill}
                  stroke={n === 0 ? colors.border : shade.fill}
                  strokeWidth={1}
                />,
                n > 0 ? (
                  <SvgText
                    key={`n${weekday}-${hour}`}
                    x={x + layout.cellWidth / 2}
                    y={y + layout.cellHeight / 2 + 4}
                    textAnchor="middle"
                    fontSize={AXIS.fontSize}
                    fontWeight="600"
                    fill={shade.text}
                  >
                    {n}
                  </SvgText>
                ) : null,
              ];
            }),
          )}
        </Svg>
      </View>
    </ChartCard>
  );
}

/** Weekday and hour labels: rows and columns swap with the orientation. */
function Labels({ layout }: { layout: GridLayout }) {
  const across = layout.orientation === 'across';
  const dayLabels = WEEKDAYS.map((weekday) => {
    const { x, y } = cellOrigin(layout, weekday, 0);
    return (
      <SvgText
        key={`d${weekday}`}
        x={across ? layout.left - 6 : x + layout.cellWidth / 2}
        y={across ? y + layout.cellHeight / 2 + 4 : layout.top - 5}
        textAnchor={across ? 'end' : 'middle'}
        fontSize={AXIS.fontSize}
        fill={AXIS.text}
      >
        {WEEKDAY_SHORT[weekday - 1]}
      </SvgText>
    );
  });
  // Across, every third hour is labelled (a label per hour would touch its neighbours).
  const hourLabels = HOURS.filter((hour) => !across || hour % 3 === 0).map((hour) => {
    const { x, y } = cellOrigin(layout, 1, hour);
    return (
      <SvgText
        key={`h${hour}`}
        x={across ? x + layout.cellWidth / 2 : layout.left - 6}
        y={across ? layout.top - 5 : y + layout.cellHeight / 2 + 4}
        textAnchor={across ? 'middle' : 'end'}
        fontSize={AXIS.fontSize}
        fill={AXIS.text}
      >
        {`${String(hour).padStart(2, '0')}h`}
      </SvgText>
    );
  });
  return (
    <>
      {dayLabels}
      {hourLabels}
    </>
  );
}
