import { fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import { INSIGHTS_FIXTURE } from '../../../../insights/insightsFixture';
import { InsightsView, type InsightsViewProps } from './InsightsView';

function props(over: Partial<InsightsViewProps> = {}): InsightsViewProps {
  return {
    gymName: 'Insight Boulders',
    weeks: 8,
    onWeeks: jest.fn(),
    shown: { insights: INSIGHTS_FIXTURE, fetchedAt: Date.parse('2026-02-11T12:00:00Z') },
    offline: false,
    loading: false,
    error: null,
    sort: 'verdicts',
    onSort: jest.fn(),
    onPlanRemoval: jest.fn(async () => null),
    onDownload: jest.fn(),
    nowMs: Date.parse('2026-02-11T12:00:00Z'),
    ...over,
  };
}

describe('Insights', () => {
  it('carries every chart number as text and shows verdicts, setters and the period', () => {
    const p = props();
    render(<InsightsView {...p} />);
    expect(
      screen.getByRole('img', { name: /V3: 25% of the set \(1 climb\), 75% of the tries/ }),
    ).toBeTruthy();
    expect(
      screen.getByRole('img', {
        name: /Busiest: Tue 18:00 \(2 sessions\).*Tuesday: 10:00 1, 18:00 2\./,
      }),
    ).toBeTruthy();
    expect(screen.getByRole('img', { name: /week of 2 Feb: 3 climbers/ })).toBeTruthy();
    expect(screen.getByText('Climbers say harder: V5 (3 opinions)')).toBeTruthy();
    expect(screen.getByText(/Ana: 2 climbs · 3.25 stars on average · 2 verdicts/)).toBeTruthy();
    expect(screen.getByText(/Removal planned: until 2026-03-01/)).toBeTruthy();
    fireEvent.press(screen.getByRole('radio', { name: 'A year' }));
    expect(p.onWeeks).toHaveBeenCalledWith(52);
    fireEvent.press(screen.getByRole('radio', { name: 'Least climbed' }));
    expect(p.onSort).toHaveBeenCalledWith('leastClimbed');
    fireEvent.press(screen.getByRole('button', { name: 'Download the climbs table (CSV)' }));
    expect(p.onDownload).toHaveBeenCalled();
  });

  it('plans a removal from a row, two weeks out unless changed', async () => {
    const p = props();
    render(<InsightsView {...p} />);
    fireEvent.press(screen.getByRole('button', { name: 'Plan removal of Bulge' }));
    const field = screen.getByLabelText('Last day of Bulge (YYYY-MM-DD)');
    expect(field.props.value).toBe('2026-02-25');
    fireEvent.changeText(field, '2026-03-08');
    fireEvent.press(screen.getByRole('button', { name: 'Save the removal day' }));
    await waitFor(() => expect(p.onPlanRemoval).toHaveBeenCalledWith('b', '2026-03-08'));
    await waitFor(() =>
      expect(screen.queryByLabelText('Last day of Bulge (YYYY-MM-DD)')).toBeNull(),
    );
  });

  it('keeps the form and says why when the server refuses the day', async () => {
    render(<InsightsView {...props({ onPlanRemoval: async () => 'must be a date YYYY-MM-DD' })} />);
    fireEvent.press(screen.getByRole('button', { name: 'Plan removal of Arete' }));
    fireEvent.changeText(screen.getByLabelText('Last day of Arete (YYYY-MM-DD)'), 'soon');
    fireEvent.press(screen.getByRole('button', { name: 'Save the removal day' }));
    expect(await screen.findByText('must be a date YYYY-MM-DD')).toBeTruthy();
  });

  it('says offline that insights need the network, with the last answer and its time', () => {
    render(<InsightsView {...props({ offline: true })} />);
    expect(screen.getByText(/Insights need the network/)).toBeTruthy();
    expect(screen.getByText(/This is the last answer, from/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Plan removal of Bulge' })).toBeDisabled();
  });

  it('offline without an earlier answer says so and draws nothing', () => {
    render(<InsightsView {...props({ offline: true, shown: null })} />);
    expect(screen.getByText(/There is no earlier answer on this device/)).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
