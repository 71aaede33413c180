/**
 * Gym names as search and links read them. Folding happens in Node, not in SQL: PGlite and
 * PostgreSQL would need `unaccent`, an extension not every server has, and the stored folded
 * columns (`gyms.search_name`, `gyms.search_city`) make `q=zurich` find "Zürich" on both alike.
 */

/** Letters NFD does not take apart into a base letter and a mark. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower case without accents: `Zürich` → `zurich`, `Kraków` → `krakow`, `Straße` → `strasse`. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c);
}

const SLUG_MAX = 40;

/**
 * A slug made from a gym's name: `Boulderwerk Zürich` → `boulderwerk-zurich`. Names with no
 * letter or digit of the Latin alphabet (`攀岩馆`) become `gym`; the caller makes it unique.
 */
export function slugFrom(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, SLUG_MAX)
    .replace(/^-+|-+$/g, '');
  return slug.length >= 2 ? slug : 'gym';
}

/** The `n`-th other slug to try when `slug` is taken: `slug-2`, `slug-3`, … within 40 chars. */
export function numberedSlug(slug: string, n: number): string {
  const suffix = `-${n}`;
  return `${slug.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}
