/**
 * A synthetic 8a.nu logbook export (today's shape, every field quoted) of `ticks` ticks: ten a
 * day at one crag, with comments holding commas, quotes and line breaks, as climbers write them.
 */
export function eightALogbook(ticks: number, perDay = 10): string {
  const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  const lines = [
    [
      'route_boulder',
      'name',
      'location_name',
      'sector_name',
      'area_name',
      'country_code',
      'date',
      'type',
      'sub_type',
      'rating',
      'project',
      'tries',
      'repeats',
      'difficulty',
      'perceived_hardness',
      'comment',
      'height',
      'recommended',
      'sits',
    ]
      .map(q)
      .join(','),
  ];
  const types = ['redpoint', 'flash', 'onsight', 'attempt'];
  const start = Date.parse('2012-01-01T00:00:00Z');
  for (let i = 0; i < ticks; i += 1) {
    const day = new Date(start + Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const boulder = i % 3 === 0;
    lines.push(
      [
        boulder ? 'BOULDER' : 'ROUTE',
        `Problem ${i % 997}`,
        `Crag ${Math.floor(i / perDay) % 40}`,
        'Main sector',
        'Somewhere',
        'ES',
        day,
        types[i % types.length]!,
        '',
        i % 5,
        '0',
        1 + (i % 7),
        '0',
        boulder ? `${6 + (i % 3)}A` : `${6 + (i % 3)}b+`,
        '',
        i % 4 === 0 ? `tick ${i}: "crimpy", then a dyno,\nsecond line` : '',
        '12',
        '0',
        '0',
      ]
        .map(q)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
