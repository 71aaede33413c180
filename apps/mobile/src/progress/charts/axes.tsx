import { Line, Text as SvgText } from 'react-native-svg';
import { colors } from '../../theme/theme';
import { AXIS } from './ChartCard';

/** The value axis under a horizontal bar chart: its line and its ticks, each worded by `format`. */
export function BottomValueAxis(props: {
  chart: {
    plotLeft: number;
    plotRight: number;
    axisY: number;
    xTicks: { value: number; x: number }[];
  };
  format?: (value: number) => string;
}) {
  const { chart, format = String } = props;
  return (
    <>
      <Line
        x1={chart.plotLeft}
        x2={chart.plotRight}
        y1={chart.axisY}
        y2={chart.axisY}
        stroke={colors.muted}
        strokeWidth={1}
      />
      {chart.xTicks.map((tick) => (
        <SvgText
          key={`tick-${tick.value}`}
          x={tick.x}
          y={chart.axisY + 15}
          textAnchor="middle"
          fontSize={AXIS.fontSize}
          fill={AXIS.text}
        >
          {format(tick.value)}
        </SvgText>
      ))}
    </>
  );
}

/** The weeks under a chart over time, some of them labelled. */
export function WeekLabels(props: { labels: { text: string; x: number }[]; y: number }) {
  return (
    <>
      {props.labels.map((label) => (
        <SvgText
          key={`week-${label.x}`}
          x={label.x}
          y={props.y}
          textAnchor="middle"
          fontSize={AXIS.fontSize}
          fill={AXIS.text}
        >
          {label.text}
        </SvgText>
      ))}
    </>
  );
}
