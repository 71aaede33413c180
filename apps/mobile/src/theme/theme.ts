import { StyleSheet } from 'react-native';

/*
 * Read at arm's length, chalked up, in a dim gym: every text colour stands at least 4.5:1 (WCAG AA)
 * against each background it is drawn on. `textOnBackground` lists those pairs and theme.test.ts
 * computes their ratios: a new pair goes in that list.
 */
export const colors = {
  background: '#f6f7f9',
  surface: '#ffffff',
  text: '#1d2330',
  muted: '#4d5766',
  border: '#dde2e8',
  primary: '#0a58ca',
  primaryText: '#ffffff',
  primaryBackground: '#ddf4ff',
  success: '#116329',
  successText: '#ffffff',
  successBackground: '#dafbe1',
  warning: '#7d4e00',
  warningBackground: '#fff8c5',
  warningBorder: '#eed888',
  danger: '#a40e26',
  dangerBackground: '#ffebe9',
  flash: '#6639ba',
  flashBackground: '#fbefff',
  star: '#9a6700',
} as const;

export type ColorName = keyof typeof colors;

/** Every [text, background] pair the screens draw (cards are `surface`, screens `background`). */
export const textOnBackground: readonly (readonly [ColorName, ColorName])[] = [
  ['text', 'background'],
  ['text', 'surface'],
  ['text', 'warningBackground'], // the sync banner
  ['muted', 'background'],
  ['muted', 'surface'],
  ['primary', 'background'], // the brand, links
  ['primary', 'surface'],
  ['primary', 'primaryBackground'], // the "Active" tag
  ['primaryText', 'primary'], // primary buttons, the chosen grade
  ['success', 'surface'], // "Sent" in a route row
  ['success', 'successBackground'], // "Synced" tag, "Sent" badge
  ['successText', 'success'], // the chosen "Sent" / "Not sent"
  ['warning', 'surface'], // the sign-out warning
  ['warning', 'warningBackground'], // "Pending sync" tag
  ['danger', 'surface'], // danger buttons, errors
  ['danger', 'background'], // errors under a screen's content
  ['danger', 'dangerBackground'], // "Sync failed" tag
  ['flash', 'flashBackground'], // "Flash" badge
  ['star', 'surface'], // the chosen quality stars
];

export const spacing = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 } as const;

/** The widest a screen's content grows (a laptop's window is wider than a line should be). */
export const READABLE_WIDTH = 960;

export const common = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background },
  // A readable width on a laptop: lines and cards stop growing at 960 px, centred.
  content: {
    padding: spacing.lg,
    gap: spacing.md,
    width: '100%',
    maxWidth: READABLE_WIDTH,
    alignSelf: 'center',
  },
  card: {
    backgroundColor: colors.surface,
    borderRadius: 10,
    borderWidth: 1,
    borderColor: colors.border,
    padding: spacing.md,
    gap: spacing.sm,
  },
  row: { flexDirection: 'row', alignItems: 'center', gap: spacing.sm },
  title: { fontSize: 20, fontWeight: '700', color: colors.text },
  heading: { fontSize: 16, fontWeight: '600', color: colors.text },
  body: { fontSize: 15, color: colors.text },
  muted: { fontSize: 13, color: colors.muted },
  input: {
    minHeight: 44,
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
    borderRadius: 8,
    paddingHorizontal: spacing.md,
    paddingVertical: spacing.sm,
    fontSize: 15,
    color: colors.text,
  },
  error: { color: colors.danger, fontSize: 14 },
});
