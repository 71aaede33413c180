import { StyleSheet } from 'react-native';

export const colors = {
  background: '#f6f7f9',
  surface: '#ffffff',
  text: '#1d2330',
  muted: '#5f6b7a',
  border: '#dde2e8',
  primary: '#1f6feb',
  primaryText: '#ffffff',
  primaryBackground: '#ddf4ff',
  success: '#1a7f37',
  successText: '#ffffff',
  successBackground: '#dafbe1',
  warning: '#9a6700',
  warningBackground: '#fff8c5',
  warningBorder: '#eed888',
  danger: '#cf222e',
  dangerBackground: '#ffebe9',
  flash: '#8250df',
  flashBackground: '#fbefff',
  star: '#d4a72c',
} as const;

export const spacing = { xs: 4, sm: 8, md: 12, lg: 16, xl: 24 } as const;

export const common = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background },
  content: { padding: spacing.lg, gap: spacing.md },
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
