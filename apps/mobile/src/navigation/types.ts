import type { NavigatorScreenParams } from '@react-navigation/native';

export type LayoutsStackParams = {
  Layouts: undefined;
  LayoutDetail: { layoutId: string };
};

export type HistoryStackParams = {
  History: undefined;
  SessionDetail: { sessionId: string };
};

export type ProfileStackParams = {
  ProfileHome: undefined;
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
