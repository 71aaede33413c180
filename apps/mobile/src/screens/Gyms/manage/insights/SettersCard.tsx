import { Text, View } from 'react-native';
import type { InsightsSetter } from '@sendlog/contract';
import { common } from '../../../../theme/theme';

/** Each setter's climbs in the table, the mean of their stars and how many have a verdict. */
export function SettersCard({ setters }: { setters: readonly InsightsSetter[] }) {
  return (
    <View style={common.card}>
      <Text role="heading" aria-level={2} style={common.heading}>
        Setters
      </Text>
      {setters.length === 0 ? (
        <Text style={common.muted}>No climb here names its setter.</Text>
      ) : (
        setters.map((s) => (
          <Text key={s.setter} style={common.body}>
            {`${s.setter}: ${s.climbs} ${s.climbs === 1 ? 'climb' : 'climbs'} · ${
              s.rating === null ? 'no stars yet' : `${s.rating} stars on average`
            } · ${s.verdicts} ${s.verdicts === 1 ? 'verdict' : 'verdicts'}`}
          </Text>
        ))
      )}
    </View>
  );
}
