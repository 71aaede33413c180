import type { ReactNode } from 'react';
import { Platform, StyleSheet, View } from 'react-native';
import { enableScreens } from 'react-native-screens';
import { NavigationContainer } from '@react-navigation/native';
import type { LinkingOptions } from '@react-navigation/native';
import { BottomTabBar, createBottomTabNavigator } from '@react-navigation/bottom-tabs';
import { createNativeStackNavigator } from '@react-navigation/native-stack';
import type {
  NativeStackHeaderLeftProps,
  NativeStackNavigationOptions,
} from '@react-navigation/native-stack';
import { Button } from '../components/Button';
import { ClimbStoryScreen } from '../screens/ClimbStory/ClimbStoryScreen';
import { LayoutDetailScreen } from '../screens/LayoutDetail/LayoutDetailScreen';
import { LayoutsScreen } from '../screens/Layouts/LayoutsScreen';
import { ManageWallScreen } from '../screens/Manage/walls/ManageWallScreen';
import { ManageWallsScreen } from '../screens/Manage/walls/ManageWallsScreen';
import { NewWallScreen } from '../screens/Manage/walls/NewWallScreen';
import { GymPageScreen } from '../screens/Gyms/GymPageScreen';
import { GymsScreen } from '../screens/Gyms/GymsScreen';
import { EditGymScreen } from '../screens/Gyms/manage/EditGymScreen';
import { GymPosterScreen } from '../screens/Gyms/manage/GymPosterScreen';
import { GymStaffScreen } from '../screens/Gyms/manage/GymStaffScreen';
import { GymInsightsScreen } from '../screens/Gyms/manage/insights/GymInsightsScreen';
import { ManageGymScreen } from '../screens/Gyms/manage/ManageGymScreen';
import { ProfileScreen } from '../screens/Profile/ProfileScreen';
import { ProgressScreen } from '../screens/Progress/ProgressScreen';
import { SessionDetailScreen } from '../screens/SessionDetail/SessionDetailScreen';
import { SessionHistoryScreen } from '../screens/History/SessionHistoryScreen';
import { colors } from '../theme/theme';
import { focusScreenHeading } from './focusHeading';
import { TabIcon } from '../components/icons/TabIcon';
import type { TabIconName } from '../components/icons/TabIcon';
import { useUser } from '../hooks/services';
import { useWideWindow } from '../hooks/useWideWindow';
import { canManage } from '../screens/Manage/common/canManage';
import type {
  HistoryStackParams,
  LayoutsStackParams,
  ManageStackParams,
  ProfileStackParams,
  ProgressStackParams,
  TabParams,
} from './types';

// On the web react-native-screens starts off, and the bottom tabs then keep the tabs not shown
// beneath the shown one: aria-hidden, yet Tab walked into their buttons. On, they get display: none.
if (Platform.OS === 'web') enableScreens(true);

const LayoutsStack = createNativeStackNavigator<LayoutsStackParams>();
const HistoryStack = createNativeStackNavigator<HistoryStackParams>();
const ProfileStack = createNativeStackNavigator<ProfileStackParams>();
const ProgressStack = createNativeStackNavigator<ProgressStackParams>();
const ManageStack = createNativeStackNavigator<ManageStackParams>();
const Tabs = createBottomTabNavigator<TabParams>();

/**
 * Each tab's stack is the page's main landmark, its header title (an h1 on the web) included;
 * the tab bar beside it is the navigation landmark. A screen reader jumps straight to either.
 */
const mainLandmark = ({ children }: { children: ReactNode }) => (
  <View role="main" style={styles.fill}>
    {children}
  </View>
);

/**
 * react-native-web drops the header back button's hitSlop, which leaves a 30 × 30 target: on the
 * web the back button is ours (44 × 44 at the least), named as react-navigation names it.
 */
const stackScreenOptions = ({
  navigation,
}: {
  navigation: { goBack(): void };
}): NativeStackNavigationOptions =>
  Platform.OS === 'web'
    ? {
        headerLeft: ({ canGoBack, label }: NativeStackHeaderLeftProps) =>
          canGoBack ? (
            <Button
              label={`‹ ${label ?? 'Back'}`}
              name={label ? `${label}, back` : 'Go back'}
              variant="link"
              onPress={() => navigation.goBack()}
            />
          ) : null,
      }
    : {};

function LayoutsNavigator() {
  return (
    <LayoutsStack.Navigator layout={mainLandmark} screenOptions={stackScreenOptions}>
      <LayoutsStack.Screen name="Layouts" component={LayoutsScreen} options={{ title: 'Walls' }} />
      <LayoutsStack.Screen
        name="LayoutDetail"
        component={LayoutDetailScreen}
        options={{ title: 'Wall' }}
      />
      <LayoutsStack.Screen
        name="ClimbStory"
        component={ClimbStoryScreen}
        options={{ title: 'Climb story' }}
      />
      <LayoutsStack.Screen name="GymPage" component={GymPageScreen} options={{ title: 'Gym' }} />
    </LayoutsStack.Navigator>
  );
}

/** A setter's screens: the gym's walls, a new wall, one wall's picture and climbs. */
function ManageNavigator() {
  return (
    <ManageStack.Navigator layout={mainLandmark} screenOptions={stackScreenOptions}>
      <ManageStack.Screen
        name="ManageWalls"
        component={ManageWallsScreen}
        options={{ title: 'Manage walls' }}
      />
      <ManageStack.Screen
        name="ManageGym"
        component={ManageGymScreen}
        options={{ title: 'Manage' }}
      />
      <ManageStack.Screen name="GymStaff" component={GymStaffScreen} options={{ title: 'Staff' }} />
      <ManageStack.Screen
        name="GymInsights"
        component={GymInsightsScreen}
        options={{ title: 'Insights' }}
      />
      <ManageStack.Screen
        name="EditGym"
        component={EditGymScreen}
        options={{ title: 'Gym details' }}
      />
      <ManageStack.Screen
        name="GymPoster"
        component={GymPosterScreen}
        options={{ title: 'Poster' }}
      />
      <ManageStack.Screen
        name="NewWall"
        component={NewWallScreen}
        options={{ title: 'New wall' }}
      />
      <ManageStack.Screen
        name="ManageWall"
        component={ManageWallScreen}
        options={{ title: 'Manage wall' }}
      />
    </ManageStack.Navigator>
  );
}

function HistoryNavigator() {
  return (
    <HistoryStack.Navigator layout={mainLandmark} screenOptions={stackScreenOptions}>
      <HistoryStack.Screen name="History" component={SessionHistoryScreen} />
      <HistoryStack.Screen
        name="SessionDetail"
        component={SessionDetailScreen}
        options={{ title: 'Session' }}
      />
      <HistoryStack.Screen
        name="ClimbStory"
        component={ClimbStoryScreen}
        options={{ title: 'Climb story' }}
      />
    </HistoryStack.Navigator>
  );
}

/** Progress, in a stack like the other tabs for the same header inside the same landmark. */
function ProgressNavigator() {
  return (
    <ProgressStack.Navigator layout={mainLandmark} screenOptions={stackScreenOptions}>
      <ProgressStack.Screen
        name="ProgressHome"
        component={ProgressScreen}
        options={{ title: 'Progress' }}
      />
    </ProgressStack.Navigator>
  );
}

/** Profile sits in a stack like the other tabs, for the same header inside the same landmark. */
function ProfileNavigator() {
  return (
    <ProfileStack.Navigator layout={mainLandmark} screenOptions={stackScreenOptions}>
      <ProfileStack.Screen
        name="ProfileHome"
        component={ProfileScreen}
        options={{ title: 'Profile' }}
      />
      <ProfileStack.Screen name="Gyms" component={GymsScreen} options={{ title: 'Gyms' }} />
    </ProfileStack.Navigator>
  );
}

const icon = (name: TabIconName) =>
  function Icon({ color }: { color: string }) {
    return <TabIcon name={name} color={color} />;
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
        screens: {
          Layouts: '',
          LayoutDetail: 'layout/:layoutId',
          ClimbStory: 'climb/:climbId',
          GymPage: 'g/:slug',
        },
      },
      ManageTab: {
        initialRouteName: 'ManageWalls',
        screens: {
          ManageWalls: 'manage',
          ManageGym: 'manage/gym/:gymId',
          GymStaff: 'manage/gym/:gymId/staff',
          EditGym: 'manage/gym/:gymId/details',
          GymPoster: 'manage/gym/:gymId/poster',
          GymInsights: 'manage/gym/:gymId/insights',
          NewWall: 'manage/new-wall',
          ManageWall: 'manage/wall/:layoutId',
        },
      },
      HistoryTab: {
        initialRouteName: 'History',
        screens: {
          History: 'history',
          SessionDetail: 'session/:sessionId',
          ClimbStory: 'history/climb/:climbId',
        },
      },
      Progress: { screens: { ProgressHome: 'progress' } },
      Profile: {
        initialRouteName: 'ProfileHome',
        screens: { ProfileHome: 'profile', Gyms: 'profile/gyms' },
      },
    },
  },
};

export function SignedInNavigator() {
  const wide = useWideWindow();
  // Setters and admins get Manage as a tab of its own; a climber's app never shows it (and a link
  // to it reads "Setters only").
  const setter = canManage(useUser());
  return (
    <NavigationContainer
      linking={linking}
      documentTitle={{ formatter: () => 'Sendlog' }}
      onStateChange={focusScreenHeading}
    >
      <Tabs.Navigator
        screenOptions={{
          headerShown: false,
          tabBarActiveTintColor: colors.primary,
          tabBarInactiveTintColor: colors.muted,
          // A laptop's window gets a side navigation, icons and words, not a phone's bottom bar.
          tabBarPosition: wide ? 'left' : 'bottom',
          tabBarVariant: wide ? 'material' : 'uikit',
          ...(wide ? { tabBarStyle: styles.sidebar } : {}),
        }}
        tabBar={(props) => (
          <View role="navigation">
            <BottomTabBar {...props} />
          </View>
        )}
      >
        <Tabs.Screen
          name="LayoutsTab"
          component={LayoutsNavigator}
          options={{ title: 'Walls', tabBarIcon: icon('walls') }}
        />
        <Tabs.Screen
          name="HistoryTab"
          component={HistoryNavigator}
          options={{ title: 'History', tabBarIcon: icon('history') }}
        />
        <Tabs.Screen
          name="Progress"
          component={ProgressNavigator}
          options={{ title: 'Progress', tabBarIcon: icon('progress') }}
        />
        <Tabs.Screen
          name="Profile"
          component={ProfileNavigator}
          options={{ title: 'Profile', tabBarIcon: icon('profile') }}
        />
        <Tabs.Screen
          name="ManageTab"
          component={ManageNavigator}
          options={{
            title: 'Manage',
            tabBarAccessibilityLabel: 'Manage walls',
            tabBarIcon: icon('manage'),
            ...(setter ? {} : { tabBarButton: () => null, tabBarItemStyle: styles.hidden }),
          }}
        />
      </Tabs.Navigator>
    </NavigationContainer>
  );
}

/** The side navigation's width on a wide window: its words, not a third of the screen. */
const SIDEBAR_WIDTH = 220;

const styles = StyleSheet.create({
  fill: { flex: 1 },
  hidden: { display: 'none' },
  // The library keeps a 360 px minimum for its sidebar: ours is narrower.
  sidebar: { width: SIDEBAR_WIDTH, minWidth: SIDEBAR_WIDTH, flex: 1 },
});
