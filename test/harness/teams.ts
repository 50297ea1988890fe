import { Directory } from '../../src/domain/directory';
import * as cards from './cards';
import { FakeConnector } from './fakeConnector';
import { Verb, VerbData } from '../../src/teams/verbs';

export const OUTSIDE_TENANT = '99999999-9999-4999-8999-999999999999';
export const BOT = { id: '28:concord-test-bot', name: 'Concord' };

let seq = 0;

/** The message each card a test holds lives in: a card a button returned replaces the one clicked, in the same message. */
const messageOfCard = new WeakMap<object, string>();

export interface HttpAnswer {
  status: number;
  body: any;
}

export interface Who {
  aadObjectId: string;
  name: string;
  tenantId: string;
}

/**
 * The inputs a verb's card sends, as the verb table (src/teams/verbs.ts) names them: its parsed
 * fields, its form's inputs, and the case reference. A renamed verb or input breaks these tests'
 * build. The values stay unknown: tests forge them.
 */
type Inputs<D> = Exclude<keyof D, 'form'> | (D extends { form: infer F } ? keyof F : never);
export type CardData<V extends Verb> = { [K in Inputs<VerbData[V]> | 'ref']?: unknown };

/** A verb no workflow owns (none of their prefixes): what a forged or outdated client may send. */
type Unowned<S extends string> = S extends `${'sd' | 'minutes' | 'ref' | 'si' | 'pd' | 'tr'}.${string}` ? never : S;

/** A person using Teams: their activities are shaped as Teams sends them, over real HTTP. */
export class TeamsUser {
  /** `botUrl` is asked each time: after a restart the service listens on a new port. */
  constructor(
    readonly who: Who,
    private readonly botUrl: string | (() => string),
    private readonly connector: FakeConnector,
  ) {}

  get userId(): string {
    return `29:${this.who.aadObjectId}`;
  }

  /** Their 1:1 chat with Concord. */
  get chatId(): string {
    return `a:1on1-${this.userId}`;
  }

  private channel: string | undefined;

  /** The same person acting in a team channel (e.g. the Front Door's), not their 1:1 chat. */
  inChannel(channelId: string): TeamsUser {
    const u = new TeamsUser(this.who, this.botUrl, this.connector);
    u.channel = channelId;
    return u;
  }

  private base(
    conversation: Record<string, unknown> = this.channel
      ? { id: this.channel, conversationType: 'channel', tenantId: this.who.tenantId }
      : { id: this.chatId, conversationType: 'personal', tenantId: this.who.tenantId },
  ) {
    return {
      id: `activity-from-teams-${++seq}`,
      timestamp: new Date().toISOString(),
      serviceUrl: this.connector.url,
      channelId: 'msteams',
      from: { id: this.userId, name: this.who.name, aadObjectId: this.who.aadObjectId },
      conversation,
      recipient: BOT,
      locale: 'en-GB',
      channelData: { tenant: { id: this.who.tenantId } },
    };
  }

  async post(activity: object): Promise<HttpAnswer> {
    const url = typeof this.botUrl === 'string' ? this.botUrl : this.botUrl();
    const res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  async install(): Promise<HttpAnswer> {
    return this.post({ ...this.base(), type: 'installationUpdate', action: 'add' });
  }

  /**
   * Says something in their 1:1 chat; returns the bot's replies to it (not other messages arriving
   * meanwhile). Without the "typing" indicator teams-ai sends when a turn is slow (a loaded machine),
   * so that what a test reads does not depend on the machine's speed.
   */
  async say(text: string): Promise<any[]> {
    const activity = { ...this.base(), type: 'message', text, textFormat: 'plain' };
    const answer = await this.post(activity);
    if (answer.status >= 300) throw new Error(`bot answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
    return this.connector.calls
      .filter((c) => c.method === 'POST' && c.conversationId === this.chatId && c.activityId === activity.id && c.body?.type !== 'typing')
      .map((c) => c.body);
  }

  lastCard(): any {
    const cardsSent = this.connector.sentTo(this.chatId).filter((a) => a.attachments?.length);
    const last = cardsSent[cardsSent.length - 1];
    if (!last) throw new Error(`no card in ${this.who.name}'s chat`);
    return last.attachments[0].content;
  }

  messages(): any[] {
    return this.connector.sentTo(this.chatId);
  }

  async waitForMessage(probe: (a: any) => boolean, what: string): Promise<any> {
    return this.connector.waitFor(() => this.messages().find(probe), `${this.who.name} to receive ${what}`);
  }

  /** Clicks a button, answering the card's inputs by label. Returns the invoke's HTTP answer. */
  async click(
    card: any,
    title: string,
    answers: Record<string, cards.Answer> = {},
    options: { trigger?: 'manual' | 'automatic'; data?: object; unchecked?: boolean } = {},
  ): Promise<InvokeAnswer> {
    const titles = cards.buttonTitles(card);
    if (!titles.includes(title) && titles.includes('Next')) return this.fillInSteps(card, title, answers, options);
    const button = cards.action(card, title);
    // As Teams does: a button sends the card's inputs unless it says `associatedInputs: 'none'`,
    // and will not send them while a required one is empty (`unchecked`: a client that skips that
    // check, an old or a forged one, to reach Concord's own checks).
    const sendsInputs = button.associatedInputs !== 'none';
    const filled = sendsInputs ? cards.fill(card, answers) : {};
    const empty = cards.inputs(card).filter((i) => i.isRequired === true && !filled[i.id]);
    if (sendsInputs && !options.unchecked && empty.length)
      throw new Error(`Teams would not send "${title}": required and empty: ${empty.map((i) => i.label).join(' | ')}`);
    const data = { ...filled, ...(button.data ?? {}), ...(options.data ?? {}) };
    // Teams names the message the card is in (replyToId): Concord may update that message later.
    const messageId = messageOfCard.get(card) ?? this.connector.messageIdOf(card);
    const answer = await this.send(button.verb, data, options.trigger, messageId);
    if (messageId && answer.http.body?.type === 'application/vnd.microsoft.card.adaptive') messageOfCard.set(answer.http.body.value, messageId);
    return answer;
  }

  /**
   * A form in steps (convene, outcome, referral), filled in as a person does: on each step the
   * answers whose labels it shows, then Next, until a card has the button named, which is clicked.
   * A step that comes back with a problem (or anything but a card) is the answer. Started at the
   * first step, an answer that no step asked for is a mistake in the test.
   */
  private async fillInSteps(
    card: any,
    title: string,
    answers: Record<string, cards.Answer>,
    options: Parameters<TeamsUser['click']>[3],
  ): Promise<InvokeAnswer> {
    const left = new Map(Object.entries(answers));
    const fromTheStart = !cards.buttonTitles(card).includes('Back');
    let current = card;
    for (;;) {
      const here = Object.fromEntries([...left].filter(([label]) => cards.findInput(current, label)));
      for (const label of Object.keys(here)) left.delete(label);
      if (cards.buttonTitles(current).includes(title) || !cards.buttonTitles(current).includes('Next')) {
        if (fromTheStart && left.size) throw new Error(`no step of the form asks for: ${[...left.keys()].join(' | ')}`);
        return this.click(current, title, here, options);
      }
      const step = cards.action(current, 'Next').data?.step;
      // Data added to the button (a forged value) goes with every step, as a forger's client would send it.
      const next = await this.click(current, 'Next', here, { data: options?.data, unchecked: options?.unchecked });
      if (next.http.body?.type !== 'application/vnd.microsoft.card.adaptive') return next;
      const stayed = cards.buttonTitles(next.card).includes('Next') && cards.action(next.card, 'Next').data?.step === step;
      if (stayed) return next;
      current = next.card;
    }
  }

  /** The message that holds this card (for a card returned by a button, the message of the card clicked). */
  messageIdOf(card: object): string | undefined {
    return messageOfCard.get(card) ?? this.connector.messageIdOf(card);
  }

  private invokeActivity(verb: string, data: object, trigger: 'manual' | 'automatic', messageId = 'card-message-id'): object {
    return {
      ...this.base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: messageId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger },
    };
  }

  /** The activity Teams posts when this person clicks a button with this verb and data: for load sent from another process (bench/). */
  cardActionActivity(verb: string, data: object): object {
    return this.invokeActivity(verb, data, 'manual');
  }

  /** Sends a card action with data no card offered, checked against the verb table. */
  invoke<V extends Verb>(verb: V, data: CardData<V>, trigger?: 'manual' | 'automatic'): Promise<InvokeAnswer>;
  invoke<S extends string>(verb: Unowned<S>, data: object, trigger?: 'manual' | 'automatic'): Promise<InvokeAnswer>;
  invoke(verb: string, data: object, trigger: 'manual' | 'automatic' = 'manual'): Promise<InvokeAnswer> {
    return this.send(verb, data, trigger);
  }

  private async send(verb: string, data: object, trigger: 'manual' | 'automatic' = 'manual', messageId?: string): Promise<InvokeAnswer> {
    return new InvokeAnswer(await this.post(this.invokeActivity(verb, data, trigger, messageId)));
  }

  /**
   * Answers a file-consent card as Teams does: allowing it sends the upload session Teams made in
   * the person's OneDrive (here, a local upload site). Returns the bot's messages in answer.
   */
  async answerFileConsent(attachment: any, action: 'accept' | 'decline', uploadInfo?: object): Promise<any[]> {
    const activity = {
      ...this.base(),
      type: 'invoke',
      name: 'fileConsent/invoke',
      replyToId: 'consent-card-message-id',
      value: { type: 'fileUpload', action, context: action === 'accept' ? attachment.content.acceptContext : attachment.content.declineContext, uploadInfo },
    };
    const answer = await this.post(activity);
    if (answer.status !== 200) throw new Error(`bot answered HTTP ${answer.status}: ${JSON.stringify(answer.body)}`);
    return this.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === this.chatId && c.activityId === activity.id).map((c) => c.body);
  }

  /** Any other invoke Teams can send: a message extension's query, a task module's fetch, a card action without a verb. */
  async invokeNamed(name: string, value: object): Promise<HttpAnswer> {
    return this.post({ ...this.base(), type: 'invoke', name, replyToId: 'card-message-id', value });
  }
}

/** What Teams does with an Action.Execute answer: a new card for the clicker, or a message. */
export class InvokeAnswer {
  constructor(readonly http: HttpAnswer) {}

  get card(): any {
    const b = this.http.body;
    if (b?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`expected a card, got ${JSON.stringify(b)}`);
    return b.value;
  }

  get message(): string {
    const b = this.http.body;
    if (b?.type !== 'application/vnd.microsoft.activity.message') throw new Error(`expected a message, got ${JSON.stringify(b)?.slice(0, 400)}`);
    return b.value;
  }

  /** Whatever the person reads: the message, or all the text on the returned card. */
  get said(): string {
    const b = this.http.body;
    return b?.type === 'application/vnd.microsoft.card.adaptive' ? cards.text(b.value) : String(b?.value ?? '');
  }
}

export function userFor(directory: Directory, name: string, botUrl: string | (() => string), connector: FakeConnector, tenantId?: string): TeamsUser {
  const p = directory.data.people.find((x) => x.name === name);
  if (!p) throw new Error(`no ${name} in the directory`);
  const tenant = tenantId ?? p.tenantId ?? tenantFor(directory, p.agency);
  return new TeamsUser({ aadObjectId: p.aadObjectId, name: p.name, tenantId: tenant }, botUrl, connector);
}

/** Agencies sit in different tenants: the council's, the NHS's, the police's. */
export function tenantFor(directory: Directory, agencyId: string): string {
  const t = directory.data.tenants;
  const type = directory.agency(agencyId)?.type;
  if (type === 'police') return t[2]?.id ?? t[0].id;
  if (type && ['hospital', 'gp', 'health-visiting', 'midwifery'].includes(type)) return t[1]?.id ?? t[0].id;
  return t[0].id;
}
