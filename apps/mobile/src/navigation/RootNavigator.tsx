import { Text } from 'react-native';
import { NavigationContainer } from '@react-navigation/native';
import type { LinkingOptions } from '@react-navigation/native';
import { createBottomTabNavigator } from '@react-navigation/bottom-tabs';
import { createNativeStackNavigator } from '@react-navigation/native-stack';
import { LayoutDetailScreen } from '../screens/LayoutDetail/LayoutDetailScreen';
import { LayoutsScreen } from '../screens/LayoutsScreen';
import { ProfileScreen } from '../screens/ProfileScreen';
import { SessionDetailScreen } from '../screens/SessionDetail/SessionDetailScreen';
import { SessionHistoryScreen } from '../screens/SessionHistoryScreen';
import { colors } from '../theme/theme';
import type { HistoryStackParams, LayoutsStackParams, TabParams } from './types';

const LayoutsStack = createNativeStackNavigator<LayoutsStackParams>();
const HistoryStack = createNativeStackNavigator<HistoryStackParams>();
const Tabs = createBottomTabNavigator<TabParams>();

function LayoutsNavigator() {
  return (
    <LayoutsStack.Navigator>
      <LayoutsStack.Screen name="Layouts" component={LayoutsScreen} />
      <LayoutsStack.Screen
        name="LayoutDetail"
        component={LayoutDetailScreen}
        options={{ title: 'Layout' }}
      />
    </LayoutsStack.Navigator>
  );
}

function HistoryNavigator() {
  return (
    <HistoryStack.Navigator>
      <HistoryStack.Screen name="History" component={SessionHistoryScreen} />
      <HistoryStack.Screen
        name="SessionDetail"
        component={SessionDetailScreen}
        options={{ title: 'Session' }}
      />
    </HistoryStack.Navigator>
  );
}

const icon = (glyph: string) =>
  function TabIcon({ color }: { color: string }) {
    return <Text style={{ color, fontSize: 18 }}>{glyph}</Text>;
  };

/**
 * On the web the URL follows the screen, so a reload mid-session comes back to the same layout.
 * Each stack's list lies beneath its detail screen then, as when the climber got there by taps:
 * the back arrow and the tab lead back to it.
 */
const linking: LinkingOptions<TabParams> = {
  prefixes: [],
  config: {
    screens: {
      LayoutsTab: {
        initialRouteName: 'Layouts',
        screens: { Layouts: '', LayoutDetail: 'layout/:layoutId' },
      },
      HistoryTab: {
        initialRouteName: 'History',
        screens: { History: 'history', SessionDetail: 'session/:sessionId' },
      },
      Profile: 'profile',
    },
  },
};

export function SignedInNavigator() {
  return (
    <NavigationContainer linking={linking} documentTitle={{ formatter: () => 'Sendlog' }}>
      <Tabs.Navigator screenOptions={{ headerShown: false, tabBarActiveTintColor: colors.primary }}>
        <Tabs.Screen
          name="LayoutsTab"
          component={LayoutsNavigator}
          options={{ title: 'Layouts', tabBarIcon: icon('▲') }}
        />
        <Tabs.Screen
          name="HistoryTab"
          component={HistoryNavigator}
          options={{ title: 'History', tabBarIcon: icon('☰') }}
        />
        <Tabs.Screen
          name="Profile"
          component={ProfileScreen}
          options={{ title: 'Profile', tabBarIcon: icon('●'), headerShown: true }}
        />
      </Tabs.Navigator>
    </NavigationContainer>
  );
}
