/** The partnership directory: who may use Concord, in which agency and with which roles. */
import type { StageConfig } from './escalationLadder';
import type { RetentionRules } from './retention';

export type AgencyType = 'social-care' | 'police' | 'hospital' | 'gp' | 'health-visiting' | 'midwifery' | 'education' | 'other';

/** `partnership-viewer`: reads the partnership's figures (the Partnership tab), nothing else. */
export type Role = 'chair' | 'minute-taker' | 'front-door' | 'manager' | 'senior-manager' | 'partnership-admin' | 'partnership-viewer';

export interface Agency {
  id: string;
  name: string;
  type: AgencyType;
}

/** One Entra identity of a person: an object id is only ever valid in its own tenant. */
export interface Identity {
  aadObjectId: string;
  tenantId: string;
}

export interface Person {
  /**
   * Microsoft Entra object id: the only identity Concord trusts, never a display name. It is the
   * person's id in every record, whichever of their identities they act under.
   */
  aadObjectId: string;
  /** The tenant `aadObjectId` belongs to. When set, that id is accepted from this tenant only. */
  tenantId?: string;
  /**
   * The same person's other identities, e.g. a GP's guest account in the council's tenant beside
   * their home account in the NHS tenant: a guest's object id differs from their home one.
   */
  otherIdentities?: Identity[];
  name: string;
  email: string;
  agency: string;
  jobTitle: string;
  roles: Role[];
  managerAadObjectId?: string;
  /** Times the person is away: chases addressed to them go to their cover meanwhile (domain/cover.ts). */
  away?: Absence[];
}

/** A time someone is away, in the partnership's local dates, both days included. */
export interface Absence {
  /** YYYY-MM-DD: the first day away. */
  from: string;
  /** YYYY-MM-DD: the last day away. */
  until: string;
  /** Who covers (an aadObjectId in the directory); their manager when none is named. */
  cover?: string;
}

/** An absence said in chat (domain/absence.ts checks it), kept beside the file's own. */
export interface StatedAbsence {
  /** The aadObjectId of the person away. */
  person: string;
  /** Empty when they said they are back. */
  away: Absence[];
  /** The directory file's `away` for them when it was said: a later change to the file wins. */
  overFile: string;
  at: string;
  by: string;
}

/** The directory file's `away` of a person, as compared with what was said over it. */
export function fileAwayOf(p: Person): string {
  return JSON.stringify(p.away ?? []);
}

export interface Timescales {
  acknowledgementFirstReminderHours: number;
  acknowledgementManagerWorkingDays: number;
  startOfWorkingDay: string;
  endOfWorkingDay: string;
  /** Clock hours after the discussion ends by which its minutes are circulated. */
  minutesDueHours: number;
  /** Clock hours after the discussion ends at which the minute-taker is reminded (each before `minutesDueHours`). */
  minutesReminderHours: number[];
  minutesConfirmReminderWorkingDays: number;
  minutesConfirmManagerWorkingDays: number;
  /** Working hours within which the Front Door decides an urgent referral (a routine one: the end of the next working day). */
  frontDoorUrgentWorkingHours: number;
  /**
   * Working days after a Front Door "strategy discussion" decision by whose end a chair convenes it
   * (an urgent referral: the same working day). Local procedures set it; see docs/directory.md.
   */
  strategyConveneWorkingDays: number;
}

export interface Partnership {
  name: string;
  timeZone: string;
  emergency: { emergencyNumber: string; outOfHoursNumber: string; frontDoorNumber: string };
  frontDoorChannelId?: string;
  /** The agency whose chairs convene strategy discussions the Front Door decides on (every chair when absent). */
  strategyChairsAgency?: string;
  closureDays: string[];
  timescales: Timescales;
  /**
   * Resolving Professional Differences: the ladder (each stage's name, who takes part and its
   * deadline in working days), and how long a manager's silence is allowed before their own
   * manager is asked.
   */
  escalation: {
    stages: StageConfig[];
    approvalWorkingDays: number;
    /** The stage a child at immediate risk starts at is resolved or escalated within this many working days. */ immediateRiskWorkingDays: number;
  };
  /** The partnership's own question sets, as files (config/forms/*.json by default). */
  forms: { referral: string; seriousIncident: string };
  /** Case transfer between local authorities: DEFAULT_TRANSFERS where the file is silent. */
  transfers?: Partial<TransferSettings>;
  /** How long records are kept, per type (domain/retention.ts has the defaults). */
  retention?: Partial<RetentionRules>;
}

/**
 * How a neighbouring authority's transfer contact is reached, so that nothing depends on that
 * authority installing Concord: a person in the directory (an allowed tenant) is asked in Teams;
 * otherwise the sender is given a summary and a one-time acceptance code to email, or a named
 * partnership person records an acceptance received by phone or email.
 */
export interface TransferContact {
  /** The Entra object id of a person in the directory: asked in Teams. */
  teams?: string;
  name?: string;
  email?: string;
  phone?: string;
}

/** A local authority a child's case can be transferred to (or be open to) beside the partnership's own. */
export interface NeighbouringAuthority {
  id: string;
  name: string;
  /** The directory agency its staff belong to, when they use Concord: they see and answer its transfers. */
  agency?: string;
  transferContact: TransferContact;
  /** The partnership person who records an acceptance received by phone or email (partnership admins may too). */
  recordedBy?: string;
}

/** One thing the sending authority does before a case moves; `plans` limits it to those plans. */
export interface TransferChecklistItem {
  id: string;
  label: string;
  plans?: ('cin' | 'cp' | 'lac')[];
  /** Done within this many working days of the transfer's start, shown as a date (the CP transfer-in conference: 15 by default). */
  withinWorkingDays?: number;
}

export interface TransferSettings {
  /** Working days the receiving authority has to answer before the sender's manager is told. */
  answerWorkingDays: number;
  /** Days an emailed acceptance code stays valid. */
  codeValidDays: number;
  checklist: TransferChecklistItem[];
}

export interface DirectoryData {
  partnership: Partnership;
  tenants: { id: string; name: string }[];
  agencies: Agency[];
  people: Person[];
  neighbouringAuthorities?: NeighbouringAuthority[];
}

/** The partnership's transfer settings when its file says nothing (docs/directory.md). */
export const DEFAULT_TRANSFERS: TransferSettings = {
  answerWorkingDays: 2,
  codeValidDays: 14,
  checklist: [
    { id: 'assessment', label: 'The current assessment is completed' },
    { id: 'plan-reviewed', label: 'The plan is reviewed and shared with the receiving authority' },
    { id: 'cp-conference', label: 'A transfer-in child protection conference is held in the receiving authority', plans: ['cp'], withinWorkingDays: 15 },
    { id: 'lac-review', label: 'The looked after review and care plan are shared', plans: ['lac'] },
  ],
};

export const DEFAULT_TIMESCALES: Timescales = {
  acknowledgementFirstReminderHours: 2,
  acknowledgementManagerWorkingDays: 1,
  startOfWorkingDay: '09:00',
  endOfWorkingDay: '17:00',
  minutesDueHours: 24,
  minutesReminderHours: [12, 20],
  minutesConfirmReminderWorkingDays: 1,
  minutesConfirmManagerWorkingDays: 2,
  frontDoorUrgentWorkingHours: 4,
  strategyConveneWorkingDays: 1,
};

export class Directory {
  private current!: DirectoryData;
  private byId!: Map<string, { person: Person; tenantId?: string }>;
  private agencyById!: Map<string, Agency>;
  /** Absences said in chat (domain/absence.ts), by lower-case aadObjectId: kept across reloads of the file. */
  private readonly stated = new Map<string, StatedAbsence>();

  constructor(data: DirectoryData) {
    this.replace(data);
  }

  /**
   * Takes a new, already checked directory (a reload without a restart). Everything that holds
   * this Directory sees the new people at once; records keep the ids they were written with.
   */
  replace(data: DirectoryData): void {
    const byId = new Map<string, { person: Person; tenantId?: string }>();
    for (const p of data.people) {
      byId.set(p.aadObjectId.toLowerCase(), { person: p, tenantId: p.tenantId });
      for (const i of p.otherIdentities ?? []) byId.set(i.aadObjectId.toLowerCase(), { person: p, tenantId: i.tenantId });
    }
    this.current = data;
    this.byId = byId;
    this.agencyById = new Map(data.agencies.map((a) => [a.id, a]));
  }

  get data(): DirectoryData {
    return this.current;
  }

  get partnership(): Partnership {
    return this.data.partnership;
  }

  /** The person behind any of their identities: for ids already in records. */
  person(aadObjectId: string | undefined): Person | undefined {
    return aadObjectId ? this.byId.get(aadObjectId.toLowerCase())?.person : undefined;
  }

  /**
   * The person acting under this identity from this tenant: an id bound to a tenant is nobody's
   * when it arrives from another one.
   */
  personActing(aadObjectId: string | undefined, tenantId: string | undefined): Person | 'wrong-tenant' | undefined {
    const hit = aadObjectId ? this.byId.get(aadObjectId.toLowerCase()) : undefined;
    if (!hit) return undefined;
    if (hit.tenantId && hit.tenantId.toLowerCase() !== (tenantId ?? '').toLowerCase()) return 'wrong-tenant';
    return hit.person;
  }

  /**
   * When the person is away: what they (or their manager) last said in chat, unless the directory
   * file's `away` for them changed since, in which case the file is newer and wins.
   */
  awayOf(person: Person): Absence[] {
    const said = this.stated.get(person.aadObjectId.toLowerCase());
    return said && said.overFile === fileAwayOf(person) ? said.away : (person.away ?? []);
  }

  /** Takes an absence said in chat (as stored): from now on it is the person's, as `awayOf` says. */
  state(absence: StatedAbsence): void {
    this.stated.set(absence.person.toLowerCase(), absence);
  }

  agency(id: string): Agency | undefined {
    return this.agencyById.get(id);
  }

  agencyOf(person: Person): Agency {
    // The loader guarantees every person's agency exists.
    return this.agencyById.get(person.agency)!;
  }

  /** A person as cards name them: "Dee Walsh (Westmoor Council)", whoever has since left the directory said so. */
  nameWithAgency(id: string | undefined): string {
    const p = this.person(id);
    return p ? `${p.name} (${this.agencyOf(p).name})` : 'someone no longer in the directory';
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

  neighbouringAuthorities(): NeighbouringAuthority[] {
    return this.data.neighbouringAuthorities ?? [];
  }

  neighbouringAuthority(id: string): NeighbouringAuthority | undefined {
    return this.neighbouringAuthorities().find((a) => a.id === id);
  }

  get transfers(): TransferSettings {
    return { ...DEFAULT_TRANSFERS, ...this.partnership.transfers };
  }

  /** Who to name when someone unknown asks: the partnership's administrators. */
  administrators(): Person[] {
    return this.withRole('partnership-admin');
  }
}
