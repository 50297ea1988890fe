/** The partnership directory: who may use Concord, in which agency and with which roles. */

export type AgencyType =
  | 'social-care' | 'police' | 'hospital' | 'gp' | 'health-visiting' | 'midwifery' | 'education' | 'other';

export type Role = 'chair' | 'minute-taker' | 'front-door' | 'manager' | 'senior-manager' | 'partnership-admin';

export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
}

export interface Person {
  /** Microsoft Entra object id: the only identity Concord trusts, never a display name. */
  aadObjectId: string;
  name: string;
  email: string;
  agency: string;
  jobTitle: string;
  roles: Role[];
  managerAadObjectId?: string;
}

export interface Timescales {
  acknowledgementFirstReminderHours: number;
  acknowledgementManagerWorkingDays: number;
  startOfWorkingDay: string;
  endOfWorkingDay: string;
  /** Clock hours after the discussion ends at which the minute-taker is reminded (due at 24). */
  minutesReminderHours: number[];
  minutesConfirmReminderWorkingDays: number;
  minutesConfirmManagerWorkingDays: number;
}

export interface Partnership {
  name: string;
  timeZone: string;
  emergency: { emergencyNumber: string; outOfHoursNumber: string; frontDoorNumber: string };
  frontDoorChannelId?: string;
  closureDays: string[];
  timescales: Timescales;
  /**
   * Resolving Professional Differences: each stage's name and deadline in working days (who takes
   * part follows the stage: practitioners, line managers, senior managers, the partnership), and
   * how long a manager's silence is allowed before their own manager is asked.
   */
  escalation: { stages: { name: string; workingDays: number }[]; approvalWorkingDays: number };
  /** The partnership's own question sets, as files (config/forms/*.json by default). */
  forms: { referral: string; seriousIncident: string };
}

export interface DirectoryData {
  partnership: Partnership;
  tenants: { id: string; name: string }[];
  agencies: Agency[];
  people: Person[];
}

export const DEFAULT_TIMESCALES: Timescales = {
  acknowledgementFirstReminderHours: 2,
  acknowledgementManagerWorkingDays: 1,
  startOfWorkingDay: '09:00',
  endOfWorkingDay: '17:00',
  minutesReminderHours: [12, 20],
  minutesConfirmReminderWorkingDays: 1,
  minutesConfirmManagerWorkingDays: 2,
};

export class Directory {
  private readonly byId: Map<string, Person>;
  private readonly agencyById: Map<string, Agency>;

  constructor(readonly data: DirectoryData) {
    this.byId = new Map(data.people.map((p) => [p.aadObjectId.toLowerCase(), p]));
    this.agencyById = new Map(data.agencies.map((a) => [a.id, a]));
  }

  get partnership(): Partnership {
    return this.data.partnership;
  }

  person(aadObjectId: string | undefined): Person | undefined {
    return aadObjectId ? this.byId.get(aadObjectId.toLowerCase()) : undefined;
  }

  agency(id: string): Agency | undefined {
    return this.agencyById.get(id);
  }

  agencyOf(person: Person): Agency {
    // The loader guarantees every person's agency exists.
    return this.agencyById.get(person.agency)!;
  }

  isTenantAllowed(tenantId: string | undefined): boolean {
    return !!tenantId && this.data.tenants.some((t) => t.id.toLowerCase() === tenantId.toLowerCase());
  }

  withRole(role: Role): Person[] {
    return this.data.people.filter((p) => p.roles.includes(role));
  }

  inAgencyOfType(...types: AgencyType[]): Person[] {
    return this.data.people.filter((p) => types.includes(this.agencyOf(p).type));
  }

  manager(person: Person): Person | undefined {
    return this.person(person.managerAadObjectId);
  }

  /** Who to name when someone unknown asks: the partnership's administrators. */
  administrators(): Person[] {
    return this.withRole('partnership-admin');
  }

  describe(person: Person): string {
    return `${person.name}, ${person.jobTitle}, ${this.agencyOf(person).name}`;
  }
}
