import { createContext, useContext } from 'react';

/** The signed-in person as the API knows them (GET /api/profiles/me) and the roles in their token. */
export interface Me {
  id: string;
  displayName: string;
  username: string;
  email?: string;
  department?: string | null;
  location?: string | null;
  title?: string | null;
  roles: string[];
}

export const SessionContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe() outside a signed-in session');
  return me;
}

export function hasRole(me: Me, role: 'employee' | 'hr' | 'admin'): boolean {
  return me.roles.includes(role);
}
