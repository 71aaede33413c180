import type { NavigatorScreenParams } from '@react-navigation/native';

export type LayoutsStackParams = {
  Layouts: undefined;
  LayoutDetail: { layoutId: string };
  ClimbStory: { climbId: string };
  /** A gym's page, as its link `/g/<slug>` opens it: follow it from there. */
  GymPage: { slug: string };
};

/** A setter's screens (screens/Manage), a tab of their own: after a change, "back" shows it. */
export type ManageStackParams = {
  ManageWalls: undefined;
  /** One gym's walls, for staff of several gyms (screens/Gyms/manage). */
  ManageGym: { gymId: string };
  /** Without `gymId`, the wall goes into the one gym the account is staff of. */
  NewWall: { gymId?: string } | undefined;
  ManageWall: { layoutId: string };
  // A gym admin's screens.
  GymStaff: { gymId: string };
  EditGym: { gymId: string };
  GymPoster: { gymId: string };
  /** What the gym's climbers' logbooks say about it (its staff). */
  GymInsights: { gymId: string };
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
  ManageTab: NavigatorScreenParams<ManageStackParams>;
};
