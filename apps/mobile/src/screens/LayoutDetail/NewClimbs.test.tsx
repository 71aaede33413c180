import { act, fireEvent, screen } from '@testing-library/react-native';
import { testClimb } from '../../testing/fakeApi';
import { openLayout } from '../../testing/flows';
import { renderApp, signedInStorage } from '../../testing/renderApp';

const row = (name: RegExp) => screen.getByRole('button', { name });

describe('a wall’s new climbs and planned removals', () => {
  it('marks the climbs set since the last visit, once; and says until when a climb stays', async () => {
    const app = renderApp({ storage: await signedInStorage() });
    // First visit: nothing is new (every climb would be).
    await openLayout();
    expect(row(/^V2 Crimp School, no colour/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /, New,/ })).toBeNull();
    expect(screen.queryByText('New')).toBeNull();

    // Meanwhile the gym sets a climb and plans to take one down on 31 December.
    const year = new Date().getFullYear();
    app.api.catalogue.climbs.push(
      testClimb({
        id: 'c-fresh',
        layoutId: 'wall',
        name: 'Fresh Face',
        grade: 'V1',
        archived: false,
      }),
    );
    const dyno = app.api.catalogue.climbs.find((c) => c.id === 'c-dyno');
    if (!dyno) throw new Error('no Dyno Mite');
    dyno.removalPlannedAt = `${year}-12-31`;
    fireEvent.press(screen.getByRole('button', { name: /Walls/ }));
    await act(() => app.services.refreshCatalogue());

    // Offline from here: the marks come from the device alone.
    app.setOnline(false);
    await openLayout();
    expect(await screen.findByText('New')).toBeTruthy();
    expect(row(/^V1 Fresh Face, New,/)).toBeTruthy();
    expect(row(/^V2 Crimp School, no colour/)).toBeTruthy();
    expect(screen.getByText('until 31 Dec')).toBeTruthy();
    expect(row(/^V5 Dyno Mite, until 31 Dec,/)).toBeTruthy();

    // Seen now: at the next visit it is no longer new.
    fireEvent.press(screen.getByRole('button', { name: /Walls/ }));
    await openLayout();
    expect(screen.getByText('Fresh Face')).toBeTruthy();
    expect(screen.queryByText('New')).toBeNull();
  });
});
