import { createContext, useCallback, useContext } from 'react';
import type { ReactNode } from 'react';
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
