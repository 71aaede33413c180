import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connection.js';
import { DEMO_CLIMBS, DEMO_GYM_DIR, DEMO_LAYOUTS } from '../demo/gym.js';
import { BACKENDS, openMigratedDatabase, SERVER_START_TIMEOUT } from '../testing/index.js';
import { climbIdOf, GymFileError, readGymFile } from './gym-file.js';
import { importGym } from './gym-import.js';
import { createGym } from '../gyms/gym-repository.js';
import { listGymLayouts } from './catalogue-repository.js';

const scratch = mkdtempSync(join(tmpdir(), 'sendlog-gym-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of the demo gym's folder whose gym.json a test may edit. */
function gymFolder(edit: (gym: { layouts: { climbs: Record<string, unknown>[] }[] }) => void) {
  const dir = mkdtempSync(join(scratch, 'gym-'));
  cpSync(DEMO_GYM_DIR, dir, { recursive: true });
  const file = join(dir, 'gym.json');
  const gym = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
  edit(gym);
  writeFileSync(file, JSON.stringify(gym));
  return dir;
}

describe('reading a gym file', () => {
  it('maps keys to the ids the demo gym always had', async () => {
    const gym = await readGymFile(DEMO_GYM_DIR);
    expect(gym.layouts.map((l) => l.id)).toEqual(DEMO_LAYOUTS.map((l) => l.id));
    expect(gym.climbs.map((c) => c.id)).toEqual(DEMO_CLIMBS.map((c) => c.id));
    expect(gym.layouts[0]!.picture).toMatchObject({ contentType: 'image/jpeg', width: 1600 });
    expect(gym.climbs[0]).toMatchObject({ id: climbIdOf('main-wall', '0'), color: '#e53935' });
  });

  it('names every wrong field and the picture that is not one', async () => {
    const bad = gymFolder((g) => {
      g.layouts[0]!.climbs[1]!.color = 'blue';
      g.layouts[0]!.climbs[2]!.key = '0';
      g.layouts[1]!.climbs[0]!.position = { x: 1.5, y: 0.2 };
      g.layouts[1]!.climbs[1]!.grade = '6A';
    });
    const error = await readGymFile(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GymFileError);
    const message = (error as Error).message;
    expect(message).toContain('layouts.0.climbs.1.color: must be a colour like #1e88e5');
    expect(message).toContain('layouts.0.climbs.2.key: is repeated');
    expect(message).toContain('layouts.1.climbs.0.position.x: must be ≤ 1');
    expect(message).toContain('layouts.1.climbs.1.grade: must be a V grade: VB, V0 … V17');

    const cut = gymFolder(() => undefined);
    const picture = join(cut, 'main-wall.jpg');
    writeFileSync(picture, readFileSync(picture).subarray(0, 5_000));
    await expect(readGymFile(cut)).rejects.toThrow('main-wall.jpg: the JPEG picture is cut short');
  });
});

describe.each(BACKENDS)('importing a gym on $name', (backend) => {
  let database: Database;
  let close: () => Promise<void>;
  let gymId: string;

  beforeAll(async () => {
    ({ database, close } = await openMigratedDatabase(backend, { seed: false }));
    const gym = await createGym(database.db, { name: 'Import gym', timeZone: 'UTC' });
    if (!gym.ok) throw new Error('no gym');
    gymId = gym.id;
  }, SERVER_START_TIMEOUT);
  afterAll(() => close?.());

  it('imports once; a second run changes nothing; an edit changes only itself', async () => {
    const first = await importGym(database.db, await readGymFile(DEMO_GYM_DIR), { gymId });
    expect(first).toEqual({
      layouts: { created: 2, updated: 0, unchanged: 0 },
      climbs: { created: DEMO_CLIMBS.length, updated: 0, unchanged: 0 },
      pictures: { created: 2, unchanged: 0 },
    });
    const again = await importGym(database.db, await readGymFile(DEMO_GYM_DIR), { gymId });
    expect(again).toEqual({
      layouts: { created: 0, updated: 0, unchanged: 2 },
      climbs: { created: 0, updated: 0, unchanged: DEMO_CLIMBS.length },
      pictures: { created: 0, unchanged: 2 },
    });

    const regraded = gymFolder((g) => {
      g.layouts[0]!.climbs[0]!.grade = 'V1';
      g.layouts[0]!.climbs.push({ key: 'new-1', name: 'Fresh Set', grade: 'v3' });
    });
    const edit = await importGym(database.db, await readGymFile(regraded), { gymId });
    expect(edit.climbs).toEqual({ created: 1, updated: 1, unchanged: DEMO_CLIMBS.length - 1 });
    expect(edit.layouts).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('keepExisting adds what is missing and never reverts an edit', async () => {
    const renamed = gymFolder((g) => {
      g.layouts[0]!.climbs[0]!.name = 'Renamed by the file';
      g.layouts[0]!.climbs.push({ key: 'new-2', name: 'Another', grade: 'V2' });
    });
    const r = await importGym(database.db, await readGymFile(renamed), {
      gymId,
      keepExisting: true,
    });
    expect(r.climbs.created).toBe(1);
    expect(r.climbs.updated).toBe(0);
  });

  it('a second gym importing the same keys gets walls and climbs of its own', async () => {
    const other = await createGym(database.db, { name: 'Other gym', timeZone: 'UTC' });
    if (!other.ok) throw new Error('no gym');
    const file = await readGymFile(DEMO_GYM_DIR);
    const into = await importGym(database.db, file, { gymId: other.id });
    expect(into.layouts).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(into.climbs.created).toBe(DEMO_CLIMBS.length);
    const mine = await listGymLayouts(database.db, gymId);
    const theirs = await listGymLayouts(database.db, other.id);
    // The first gym keeps the ids the keys always had; the second has ids of its own.
    expect(mine.map((l) => l.id)).toEqual(expect.arrayContaining(DEMO_LAYOUTS.map((l) => l.id)));
    expect(theirs.map((l) => l.id).filter((id) => DEMO_LAYOUTS.some((l) => l.id === id))).toEqual(
      [],
    );
    expect(theirs.every((l) => l.gymId === other.id)).toBe(true);
    // Both imports again change nothing: each gym finds its own rows.
    for (const id of [gymId, other.id]) {
      const again = await importGym(database.db, file, { gymId: id });
      expect(again.layouts).toMatchObject({ created: 0 });
      expect(again.climbs).toMatchObject({ created: 0 });
    }
  });
});
