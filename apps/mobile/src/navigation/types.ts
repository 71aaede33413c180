import type { NavigatorScreenParams } from '@react-navigation/native';

export type LayoutsStackParams = {
  Layouts: undefined;
  LayoutDetail: { layoutId: string };
  ClimbStory: { climbId: string };
  // A setter's screens (screens/Manage), under Layouts: after a change, "back" shows the result.
  ManageWalls: undefined;
  NewWall: undefined;
  ManageWall: { layoutId: string };
};

export type HistoryStackParams = {
  /** `endedSessionId`: the session just ended, whose summary History shows until dismissed. */
  History: { endedSessionId?: string } | undefined;
  SessionDetail: { sessionId: string };
  ClimbStory: { climbId: string };
};

export type ProfileStackParams = {
  ProfileHome: undefined;
  /** The gyms followed, and finding another. */
  Gyms: undefined;
};

export type ProgressStackParams = {
  ProgressHome: undefined;
};

export type TabParams = {
  LayoutsTab: NavigatorScreenParams<LayoutsStackParams>;
  HistoryTab: NavigatorScreenParams<HistoryStackParams>;
  Progress: NavigatorScreenParams<ProgressStackParams>;
  Profile: NavigatorScreenParams<ProfileStackParams>;
};
