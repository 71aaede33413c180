import type { NavigatorScreenParams } from '@react-navigation/native';

export type LayoutsStackParams = {
  Layouts: undefined;
  LayoutDetail: { layoutId: string };
  // A setter's screens (screens/Manage), under Layouts: after a change, "back" shows the result.
  ManageWalls: undefined;
  NewWall: undefined;
  ManageWall: { layoutId: string };
};

export type HistoryStackParams = {
  History: undefined;
  SessionDetail: { sessionId: string };
};

export type ProfileStackParams = {
  ProfileHome: undefined;
};

export type TabParams = {
  LayoutsTab: NavigatorScreenParams<LayoutsStackParams>;
  HistoryTab: NavigatorScreenParams<HistoryStackParams>;
  Profile: NavigatorScreenParams<ProfileStackParams>;
};
