import { createContext, useCallback, useContext } from 'react';
import { convertGrade } from '@sendlog/contract';
import type { GradeSystem, User } from '@sendlog/contract';
import type { ReactNode } from 'react';
import type { MyGymsState } from '../gyms/myGymsStore';
import type { Account, AppServices } from '../services/appServices';
import { useExternalValue } from './useExternalValue';

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider(props: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>
  );
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesProvider above it');
  return services;
}

export function useAuthState() {
  const { auth } = useServices();
  return useExternalValue(auth.subscribe, auth.getState);
}

export function useCatalogue() {
  const { catalogue } = useServices();
  return useExternalValue(catalogue.subscribe, catalogue.getState);
}

export function useAccount(): Account | null {
  const services = useServices();
  return useExternalValue(services.subscribeAccount, services.getAccount);
}

/** The signed-in account; screens under the signed-in navigator can rely on it. */
export function useRequiredAccount(): Account {
  const account = useAccount();
  if (!account) throw new Error('no account is open');
  return account;
}

/** Whether the device is online as connectivity last said (null while unknown). */
export function useOnline(): boolean | null {
  const { connectivity } = useServices();
  const read = useCallback(() => connectivity.isOnline(), [connectivity]);
  return useExternalValue(connectivity.subscribe, read);
}

/** The signed-in user (role, grade system); null while signed out. */
export function useUser(): User | null {
  const state = useAuthState();
  return state.status === 'signedIn' ? state.user : null;
}

/** The climber's grade system: V until they choose Font on Profile. */
export function useGradeSystem(): GradeSystem {
  return useUser()?.gradeSystem ?? 'V';
}

/**
 * Shows a grade in the climber's system (a Font climber sees "6A" for a V3 climb); a grade the
 * table does not know (a gym's own "blue circuit") is shown as it was written.
 */
export function useGradeDisplay(): (grade: string) => string {
  const system = useGradeSystem();
  return useCallback((grade: string) => convertGrade(grade, system) ?? grade, [system]);
}

/** The account's gyms (followed or staffed) as the device knows them, and what waits to be sent. */
export function useMyGyms(): MyGymsState {
  const { gyms } = useRequiredAccount();
  return useExternalValue(gyms.subscribe, gyms.getState);
}
