/**
 * What the use cases need from the world, declared here in their own terms so that they depend
 * on nothing outside workflows/ and domain/: the edge (teams/), the outbox (delivery/), storage
 * (store/) and the scheduler implement these.
 */
/** What Concord says to someone: a first line that never identifies a child, and an optional card. */
export interface OutboundMessage {
  /** The notification preview and first line: a case reference and what is needed, nothing more. */
  summary: string;
  /** Free text that may describe the case (a note, a rationale): only below the first line. */
  detail?: string;
  card?: object;
  /** The case whose record the message offers to open (a button), when its reader may see it. */
  open?: string;
}

export type Recipient = { person: string } | { channel: string };

/** A message to someone, asked for by a use case once its change is saved. */
export interface Delivery {
  /** Deterministic: sending the same key twice delivers once. */
  key: string;
  /** The case it is about (SD-0142), for the record and the audit trail. */
  subject: string;
  to: Recipient;
  message: OutboundMessage;
  /** Who needed to reach the recipient: told by name if the recipient cannot be reached. */
  reportTo?: string[];
}

/** A card brought up to date from the queue: one Teams did not take at once, or one of many updated together. */
export interface Replacement {
  subject: string;
  key: string;
  /** The person or channel that has the card. */
  to: string;
  message: Delivery['message'];
  /** When the update was made (the outbox sets it): an update older than the card's last is skipped. */
  madeAt?: string;
}

/** Telling people: durable (a message asked for survives a restart) and idempotent by key. */
export interface Notify {
  send(delivery: Delivery): Promise<void>;
  sendAll(deliveries: Delivery[]): Promise<void>;
  /** Replace a message delivered earlier under `key` (the chair's live tally). False when it never was. */
  replace(subject: string, key: string, message: OutboundMessage): Promise<boolean>;
  /**
   * Replace, from the queue, messages delivered earlier (each under its key, if it was): many cards
   * brought up to date without the person who acted waiting for Teams to take each update.
   */
  replaceLater(replacements: Replacement[]): Promise<void>;
  /** The keys of the cards delivered to a person (or channel) about a case. */
  cardsTo(subject: string, to: string): Promise<string[]>;
  /** The key of the newest card delivered (or held) for a person (or channel) about a case. */
  newestCardTo(subject: string, to: string): Promise<string | undefined>;
}

/** What the person who acted sees next: a card replacing theirs, or a short message. */
export type Reply = { card: Record<string, unknown> } | { message: string };

/** A view that is only words to the person who acted. */
export type Said = { kind: 'said'; text: string };

export interface AuditEvent {
  /** What the event is about: a case reference such as SD-0142, or 'access' / 'system'. */
  subject: string;
  /** e.g. 'acknowledged', 'refused.not-attendee', 'refused.tenant'. */
  action: string;
  actorAadObjectId?: string;
  tenantId?: string;
  activityId?: string;
  /** A short, bounded description for people reading the trail; never a child's details or text a person typed. */
  detail?: string;
}

export interface AuditRecord extends AuditEvent {
  at: string;
}

/** The audit trail: append-only, one trail per subject. */
export interface AuditTrail {
  record(event: AuditEvent): Promise<void>;
  trail(subject: string): Promise<AuditRecord[]>;
}

/** Case references, spent without gaps. */
export interface References {
  next(prefix: string): Promise<string>;
  /** The same form submitted twice gets the same reference; `first` says whether this was the first time. */
  forForm(prefix: string, formId: string): Promise<{ reference: string; first: boolean }>;
  /** The reference a form was given, if it was submitted; spends nothing. */
  given(prefix: string, formId: string): Promise<string | undefined>;
}
