import type { ReactNode } from 'react';
import { ScrollView, Text, View } from 'react-native';
import { useUser } from '../../../hooks/services';
import { common } from '../../../theme/theme';
import { canManage } from './canManage';

/**
 * Every Manage screen sits inside this: a climber who follows a link to one (or whose role was
 * taken away) reads why it is closed to them instead of a screen whose every call is a 403.
 */
export function SettersOnly({ children }: { children: ReactNode }) {
  const user = useUser();
  if (canManage(user)) return <>{children}</>;
  return (
    <ScrollView style={common.screen} contentContainerStyle={common.content}>
      <View style={common.card}>
        <Text role="heading" aria-level={2} style={common.title}>
          Setters only
        </Text>
        <Text style={common.body}>
          Managing walls is for the gym&apos;s setters and admins. Your account is a climber&apos;s:
          ask an admin to make you a setter. The role shows here after your next refresh.
        </Text>
      </View>
    </ScrollView>
  );
}
