import { useEffect, useState } from 'react';
import { ScrollView } from 'react-native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';
import { saveExportFile } from '../../../../export/saveExportFile';
import { useMyGyms } from '../../../../hooks/services';
import {
  climbsCsv,
  climbsCsvName,
  climbTable,
  type ClimbSort,
} from '../../../../insights/climbsTable';
import { DEFAULT_INSIGHTS_WEEKS, type InsightsWeeks } from '../../../../insights/insightsPeriod';
import type { ManageStackParams } from '../../../../navigation/types';
import { common } from '../../../../theme/theme';
import { SettersOnly } from '../../../Manage/common/SettersOnly';
import { useManageCall } from '../../../Manage/common/useManageCall';
import { GymStaffOnly, useGymName } from '../GymStaffOnly';
import { InsightsView } from './InsightsView';
import { useGymInsights } from './useGymInsights';

type Props = NativeStackScreenProps<ManageStackParams, 'GymInsights'>;

/** Manage → a gym → Insights (`/manage/gym/<id>/insights`), for the gym's staff. */
export function GymInsightsScreen(props: Props) {
  return (
    <SettersOnly>
      <GymStaffOnly gymId={props.route.params.gymId}>
        <GymInsights {...props} />
      </GymStaffOnly>
    </SettersOnly>
  );
}

function GymInsights({ route, navigation }: Props) {
  const { gymId } = route.params;
  const name = useGymName(gymId);
  const timeZone = useMyGyms().gyms?.find((g) => g.id === gymId)?.timeZone ?? 'UTC';
  const [weeks, setWeeks] = useState<InsightsWeeks>(DEFAULT_INSIGHTS_WEEKS);
  const [sort, setSort] = useState<ClimbSort>('verdicts');
  const { shown, loading, error, offline, remember } = useGymInsights(gymId, weeks, timeZone);
  const { run } = useManageCall();

  useEffect(() => {
    navigation.setOptions({ title: `${name} insights` });
  }, [navigation, name]);

  const planRemoval = async (climbId: string, day: string): Promise<string | null> => {
    const outcome = await run((api, token) =>
      api.updateClimb(token, climbId, { removalPlannedAt: day }),
    );
    if (!outcome.ok) return outcome.refusal.fields.removalPlannedAt ?? outcome.refusal.message;
    if (shown) {
      const next = {
        ...shown,
        insights: {
          ...shown.insights,
          climbs: shown.insights.climbs.map((c) =>
            c.climbId === climbId
              ? { ...c, removalPlannedAt: outcome.data.climb.removalPlannedAt ?? day }
              : c,
          ),
        },
      };
      remember(next);
    }
    return null;
  };

  const download = () => {
    if (!shown) return;
    const { insights } = shown;
    void saveExportFile({
      name: climbsCsvName(name, insights.from, insights.to),
      mimeType: 'text/csv',
      text: climbsCsv(climbTable(insights, sort)),
    });
  };

  return (
    <ScrollView style={common.screen} contentContainerStyle={common.content}>
      <InsightsView
        gymName={name}
        weeks={weeks}
        onWeeks={setWeeks}
        shown={shown}
        offline={offline}
        loading={loading}
        error={error}
        sort={sort}
        onSort={setSort}
        onPlanRemoval={planRemoval}
        onDownload={download}
      />
    </ScrollView>
  );
}
