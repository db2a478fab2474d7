// Who is signed in: a cookie set by the user switcher names one of the demo people. Pages fall back to the first
// service manager (and set the cookie so the page's own REST calls run as the same person); REST calls without
// the cookie or Basic auth stay anonymous, as on a real site.
import type { IncomingMessage } from 'node:http';
import type { DemoPerson } from '../demo/types';

export const USER_COOKIE = 'jira_local_user';

export type HostPerson = Pick<DemoPerson, 'accountId' | 'name' | 'email' | 'role' | 'customerKey'>;

export interface SignedIn<P extends HostPerson = HostPerson> {
  person: P;
  /** False when the default person was used because the request had no (valid) cookie. */
  fromCookie: boolean;
}

export const ROLE_LABELS: Record<HostPerson['role'], string> = {
  admin: 'Jira admin',
  'service-manager': 'Service manager',
  engineer: 'Engineer',
  customer: 'Customer',
};

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // A malformed cookie value is ignored, as browsers do.
    }
  }
  return out;
}

export class Sessions<P extends HostPerson> {
  private readonly byId: Map<string, P>;

  constructor(readonly people: P[]) {
    if (people.length === 0) throw new Error('createHostServer: options.people is empty; the user switcher needs at least one person.');
    this.byId = new Map(people.map((p) => [p.accountId, p]));
  }

  defaultPerson(): P {
    return this.people.find((p) => p.role === 'service-manager') ?? (this.people[0] as P);
  }

  find(accountId: string): P | undefined {
    return this.byId.get(accountId);
  }

  /** The person the cookie names, if it names one of the people. */
  fromCookie(req: IncomingMessage): P | undefined {
    const id = parseCookies(req.headers.cookie).get(USER_COOKIE);
    return id === undefined ? undefined : this.byId.get(id);
  }

  signedIn(req: IncomingMessage): SignedIn<P> {
    const person = this.fromCookie(req);
    return person ? { person, fromCookie: true } : { person: this.defaultPerson(), fromCookie: false };
  }

  cookieHeader(accountId: string): string {
    return `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax; HttpOnly`;
  }
}
