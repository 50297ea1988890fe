/**
 * Saying in chat that someone is away, and back: the person themselves, or a manager of their
 * agency (or a partnership administrator) for them. Checked (domain/absence.ts), stored, audited,
 * said back in words; from then on every chase finds their cover (domain/cover.ts).
 */
import { checkAbsence, fileAwayOf, personNamed, StatedAbsence } from '../domain/absence';
import type { WorkingCalendar } from '../domain/calendar';
import type { Directory, Person } from '../domain/directory';
import { Invalid, Refused } from '../domain/refusals';
import type { Actor } from './actor';
import type { Tell } from './notices';
import type { AuditTrail } from './ports';

export interface AbsenceRepository {
  save(absence: StatedAbsence): Promise<void>;
  all(): Promise<StatedAbsence[]>;
}

export interface AbsencePorts {
  absences: AbsenceRepository;
  directory: Directory;
  calendar: WorkingCalendar;
  audit: AuditTrail;
  tell: Tell;
  now: () => Date;
}

/** `away until 2026-12-04 cover Omar Haddad`, as read from the message (all words optional but `until`). */
export interface AwayCommand {
  for?: string;
  from?: string;
  until: string;
  cover?: string;
}

export class Absences {
  constructor(private readonly ports: AbsencePorts) {}

  /** Takes what is stored, as another instance may have written it: at start-up and every so often. */
  async refresh(): Promise<void> {
    for (const a of await this.ports.absences.all()) this.ports.directory.state(a);
  }

  async away(actor: Actor, cmd: AwayCommand): Promise<string> {
    return this.refusedOrDone(actor, async () => {
      const person = this.whom(actor, cmd.for);
      const { directory, calendar } = this.ports;
      const cover = cmd.cover === undefined ? undefined : personNamed(directory, cmd.cover);
      const absence = checkAbsence(directory, calendar, person, { from: cmd.from, until: cmd.until, cover }, this.ports.now());
      const covering = cover ?? directory.manager(person);
      if (!covering) throw new Invalid(['Name a cover: the directory names no manager to cover instead.']);
      await this.keep(
        actor,
        person,
        [absence],
        'absence.set',
        `from ${absence.from} until ${absence.until}, cover ${cover ? cover.aadObjectId : 'their manager'}`,
      );
      const span = `from ${this.day(absence.from)} until ${this.day(absence.until)}`;
      if (this.own(actor, person)) {
        const who = cover ? covering.name : `your manager, ${covering.name},`;
        return `You are away ${span}; ${who} covers for you. Everything Concord would send you meanwhile goes to them, saying why. Type “back” when you return.`;
      }
      await this.tellThem(
        actor,
        person,
        `Concord: ${actor.person.name} marked you away ${span}; ${covering.name} covers for you.`,
        'Type “back” when you return.',
      );
      return `${person.name} is away ${span}; ${covering.name} covers for them. Everything Concord would send them meanwhile goes to ${covering.name}, saying why. ${person.name} is told.`;
    });
  }

  async back(actor: Actor, forWhom?: string): Promise<string> {
    return this.refusedOrDone(actor, async () => {
      const person = this.whom(actor, forWhom);
      await this.keep(actor, person, [], 'absence.cleared', 'back');
      if (this.own(actor, person)) return 'Welcome back: you are no longer marked away, and what Concord sends reaches you again.';
      await this.tellThem(actor, person, `Concord: ${actor.person.name} marked you back: what Concord sends reaches you again.`);
      return `${person.name} is no longer marked away: what Concord sends reaches them again. ${person.name} is told.`;
    });
  }

  /** `away` alone: the absence in force or to come, in words. */
  show(actor: Actor): string {
    const today = this.ports.calendar.local(this.ports.now()).toISODate()!;
    const next = this.ports.directory
      .awayOf(actor.person)
      .filter((a) => a.until >= today)
      .sort((a, b) => a.from.localeCompare(b.from))[0];
    if (!next) return 'You are not marked away.';
    const cover = this.ports.directory.person(next.cover) ?? this.ports.directory.manager(actor.person);
    return `You are away from ${this.day(next.from)} until ${this.day(next.until)}; ${cover?.name ?? 'nobody'} covers for you. Type “back” to end it.`;
  }

  /** Whose absence: the person's own, or, for a manager of their agency or an administrator, someone else's. */
  private whom(actor: Actor, forWhom: string | undefined): Person {
    if (forWhom === undefined) return actor.person;
    const person = personNamed(this.ports.directory, forWhom);
    if (this.own(actor, person)) return person;
    const roles = actor.person.roles;
    const manages = (roles.includes('manager') || roles.includes('senior-manager')) && actor.person.agency === person.agency;
    if (!manages && !roles.includes('partnership-admin')) {
      throw new Refused(
        'not-manager',
        `Only a manager in ${person.name}’s agency, or a partnership administrator, can say ${person.name} is away. ${person.name} can say it themselves: “away until …”.`,
      );
    }
    return person;
  }

  private own(actor: Actor, person: Person): boolean {
    return person.aadObjectId === actor.person.aadObjectId;
  }

  private async keep(actor: Actor, person: Person, away: StatedAbsence['away'], action: string, detail: string): Promise<void> {
    const absence: StatedAbsence = {
      person: person.aadObjectId,
      away,
      overFile: fileAwayOf(person),
      at: this.ports.now().toISOString(),
      by: actor.person.aadObjectId,
    };
    await this.ports.absences.save(absence);
    this.ports.directory.state(absence);
    await this.ports.audit.record({
      subject: 'directory',
      action,
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
      detail: `for ${person.aadObjectId}: ${detail}`,
    });
  }

  private async tellThem(actor: Actor, person: Person, summary: string, detail?: string): Promise<void> {
    await this.ports.tell.tell([
      { kind: 'said', key: `absence|${person.aadObjectId}|${actor.activityId}`, about: 'Concord', to: { person: person.aadObjectId }, summary, detail },
    ]);
  }

  /** A refusal or a problem with the words is a clear answer and an audit event; nothing is kept. */
  private async refusedOrDone(actor: Actor, step: () => Promise<string>): Promise<string> {
    try {
      return await step();
    } catch (e) {
      if (!(e instanceof Refused) && !(e instanceof Invalid)) throw e;
      await this.ports.audit.record({
        subject: 'directory',
        action: e instanceof Refused ? `refused.${e.reason}` : 'refused.invalid-absence',
        actorAadObjectId: actor.person.aadObjectId,
        tenantId: actor.tenantId,
        activityId: actor.activityId,
        detail: e instanceof Refused ? 'away for someone else' : `${e.problems.length} problem(s) with an absence`,
      });
      return e instanceof Refused ? e.message : e.problems.join('\n\n');
    }
  }

  private day(iso: string): string {
    return this.ports.calendar.local(this.ports.calendar.fromLocal(iso)!).toFormat('cccc d LLLL yyyy');
  }
}
