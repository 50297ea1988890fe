import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { DateTime } from 'luxon';
import schema from '../config/directory.schema.json';
import { DEFAULT_TIMESCALES, DEFAULT_TRANSFERS, Directory, DirectoryData, TransferSettings } from './domain/directory';
import { DEFAULT_STAGES, ladderProblems, StageConfig } from './domain/escalationLadder';

export class DirectoryError extends Error {}

/**
 * Reads and checks the partnership directory. Errors name the bad entry (a person by name,
 * an agency by id) because the person fixing the file thinks in those terms, not in JSON paths.
 */
export function loadDirectory(file: string): Directory {
  return new Directory(readDirectory(file));
}

/** The directory's data, checked: for start-up, and for a reload while Concord runs. */
export function readDirectory(file: string): DirectoryData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DirectoryError(`The partnership directory ${file} could not be read: ${(e as Error).message}`);
  }
  return checkDirectory(raw, file);
}

export function checkDirectory(raw: unknown, file = 'directory'): DirectoryData {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(schema);
  const problems: string[] = [];
  if (!validate(raw)) {
    for (const err of validate.errors ?? []) problems.push(`${describeEntry(raw, err.instancePath)}: ${err.message}`);
    throw new DirectoryError(`The partnership directory ${file} is not valid:\n- ${problems.join('\n- ')}`);
  }
  const data = raw as unknown as DirectoryData;
  const agencyIds = new Set(data.agencies.map((a) => a.id));
  const tenantIds = new Set(data.tenants.map((t) => t.id.toLowerCase()));
  const personIds = new Set<string>();
  const identityIds = new Set<string>();
  for (const p of data.people) {
    const id = p.aadObjectId.toLowerCase();
    if (identityIds.has(id)) problems.push(`person "${p.name}": the aadObjectId ${p.aadObjectId} is used twice`);
    personIds.add(id);
    identityIds.add(id);
    for (const i of p.otherIdentities ?? []) {
      if (identityIds.has(i.aadObjectId.toLowerCase())) problems.push(`person "${p.name}": the identity ${i.aadObjectId} is used twice`);
      identityIds.add(i.aadObjectId.toLowerCase());
    }
    for (const t of [p.tenantId, ...(p.otherIdentities ?? []).map((i) => i.tenantId)]) {
      if (t && !tenantIds.has(t.toLowerCase())) problems.push(`person "${p.name}": tenant ${t} is not in the tenants list`);
    }
    if (!agencyIds.has(p.agency)) problems.push(`person "${p.name}": agency "${p.agency}" is not in the agencies list`);
  }
  for (const p of data.people) {
    if (p.managerAadObjectId && !personIds.has(p.managerAadObjectId.toLowerCase())) {
      problems.push(`person "${p.name}": manager ${p.managerAadObjectId} is not in the people list`);
    }
    for (const a of p.away ?? []) {
      const from = DateTime.fromISO(a.from);
      const until = DateTime.fromISO(a.until);
      if (!from.isValid || !until.isValid || until < from) problems.push(`person "${p.name}": away from ${a.from} until ${a.until} is not a time span`);
      if (a.cover && !personIds.has(a.cover.toLowerCase())) problems.push(`person "${p.name}": cover ${a.cover} is not in the people list`);
      if (a.cover?.toLowerCase() === p.aadObjectId.toLowerCase()) problems.push(`person "${p.name}": cannot cover for themselves`);
    }
  }
  if (!DateTime.local().setZone(data.partnership.timeZone).isValid) {
    problems.push(`partnership: time zone "${data.partnership.timeZone}" is not a known IANA zone`);
  }
  const chairsAgency = data.partnership.strategyChairsAgency;
  if (chairsAgency && !data.agencies.some((a) => a.id === chairsAgency))
    problems.push(`partnership: strategyChairsAgency "${chairsAgency}" is not in the agencies list`);
  // A reminder is only a reminder before the deadline, which may be the default or the file's own.
  const t = { ...DEFAULT_TIMESCALES, ...data.partnership.timescales };
  for (const h of t.minutesReminderHours) {
    if (h >= t.minutesDueHours) problems.push(`partnership: the minutes reminder at ${h} hours is not before the minutes are due (${t.minutesDueHours} hours)`);
  }
  problems.push(...neighbourProblems(data, personIds));
  const stages = ladderStages(data.partnership.escalation?.stages, problems);
  if (problems.length) throw new DirectoryError(`The partnership directory ${file} is not valid:\n- ${problems.join('\n- ')}`);
  data.partnership.closureDays ??= [];
  data.partnership.escalation = {
    stages,
    approvalWorkingDays: data.partnership.escalation?.approvalWorkingDays ?? 1,
    immediateRiskWorkingDays: data.partnership.escalation?.immediateRiskWorkingDays ?? 1,
  };
  const forms: Partial<DirectoryData['partnership']['forms']> = data.partnership.forms ?? {};
  data.partnership.forms = {
    referral: forms.referral ?? 'config/forms/referral.json',
    seriousIncident: forms.seriousIncident ?? 'config/forms/serious-incident.json',
  };
  data.partnership.timescales = { ...DEFAULT_TIMESCALES, ...data.partnership.timescales };
  data.partnership.transfers = transferSettings(data.partnership.transfers);
  return data;
}

/**
 * The file's transfer settings over the defaults. Files written before checklist items carried
 * their own due dates may say `cpConferenceWorkingDays`: it still sets the conference item's days,
 * unless the file's own item gives them.
 */
function transferSettings(given: Partial<TransferSettings> & { cpConferenceWorkingDays?: number } = {}): TransferSettings {
  const { cpConferenceWorkingDays: conferenceDays, ...settings } = given;
  const own = !!settings.checklist;
  const checklist = (settings.checklist ?? DEFAULT_TRANSFERS.checklist).map((i) =>
    conferenceDays && i.id === 'cp-conference' && !(own && i.withinWorkingDays) ? { ...i, withinWorkingDays: conferenceDays } : i,
  );
  return { ...DEFAULT_TRANSFERS, ...settings, checklist };
}

/**
 * Each neighbouring authority can be reached for a transfer in exactly one way: a person in this
 * directory asked in Teams, an email address for a summary and a one-time code, or a phone number
 * with the partnership person who records the acceptance.
 */
function neighbourProblems(data: DirectoryData, personIds: Set<string>): string[] {
  const problems: string[] = [];
  const known = (id: string | undefined) => !!id && personIds.has(id.toLowerCase());
  const seen = new Set<string>();
  for (const a of data.neighbouringAuthorities ?? []) {
    const where = `neighbouring authority "${a.name}"`;
    if (seen.has(a.id) || data.agencies.some((x) => x.id === a.id)) problems.push(`${where}: the id "${a.id}" is used twice`);
    seen.add(a.id);
    if (a.agency) {
      const agency = data.agencies.find((x) => x.id === a.agency);
      if (!agency) problems.push(`${where}: agency "${a.agency}" is not in the agencies list`);
      else if (agency.type !== 'social-care') problems.push(`${where}: agency "${a.agency}" is not a social care agency`);
    }
    const c = a.transferContact;
    if (c.teams && (c.email || c.phone))
      problems.push(`${where}: the transfer contact is either a person in Teams ("teams") or an email or phone contact, not both`);
    else if (c.teams && !known(c.teams)) problems.push(`${where}: the transfer contact ${c.teams} is not in the people list`);
    else if (!c.teams && !c.name)
      problems.push(`${where}: the transfer contact needs "teams" (a person in this directory), or a "name" with an "email" or a "phone"`);
    else if (!c.teams && !c.email && !c.phone) problems.push(`${where}: the transfer contact "${c.name}" needs an "email" or a "phone"`);
    else if (!c.teams && !c.email && !a.recordedBy)
      problems.push(`${where}: a transfer contact reached by phone needs "recordedBy", the partnership person who records the acceptance`);
    if (a.recordedBy && !known(a.recordedBy)) problems.push(`${where}: recordedBy ${a.recordedBy} is not in the people list`);
  }
  const items = data.partnership.transfers?.checklist ?? [];
  const ids = items.map((i) => i.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push(`partnership.transfers.checklist: the item "${id}" is listed twice`);
  return problems;
}

/**
 * The escalation ladder: the default four stages when none is given. A four-stage ladder may leave
 * out who takes part (the default four's rules, stage by stage, as before the ladder was
 * configurable); any other length must say it for every stage.
 */
function ladderStages(given: Partial<StageConfig>[] | undefined, problems: string[]): StageConfig[] {
  if (!given) return DEFAULT_STAGES;
  const stages = given.map((s, i) => ({
    ...s,
    participants: s.participants ?? (given.length === DEFAULT_STAGES.length ? DEFAULT_STAGES[i].participants : undefined),
  }));
  const unsaid = stages.flatMap((s, i) => (s.participants ? [] : [i + 1]));
  if (unsaid.length) {
    problems.push(
      `partnership.escalation.stages: a ladder of ${given.length} stages says who takes part at each ("participants"); missing at stage ${unsaid.join(', ')}`,
    );
    return [];
  }
  problems.push(...ladderProblems(stages as StageConfig[]));
  return stages as StageConfig[];
}

function describeEntry(raw: unknown, pointer: string): string {
  const parts = pointer.split('/').slice(1);
  if (parts.length >= 2 && ['people', 'agencies', 'tenants', 'neighbouringAuthorities'].includes(parts[0])) {
    const entry = (raw as Record<string, unknown[]>)[parts[0]]?.[Number(parts[1])] as Record<string, unknown> | undefined;
    const label = entry?.name ?? entry?.id ?? `number ${Number(parts[1]) + 1}`;
    const kind = { people: 'person', agencies: 'agency', tenants: 'tenant' }[parts[0]] ?? 'neighbouring authority';
    const field = parts.slice(2).join('.');
    return `${kind} "${String(label)}"${field ? ` (${field})` : ''}`;
  }
  return parts.length ? parts.join('.') : 'the file';
}
