import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { markdown } from '../documents/markdown';
import { RecordDocument } from '../documents/document';
import { CaseLinking } from '../workflows/governance/linking';
import { Retention } from '../workflows/governance/retention';
import { SubjectAccess } from '../workflows/governance/subjectAccess';
import { Guard } from './cardAction';
import { WorkflowRoutes } from './app';
import { FileDelivery } from './files';
import { actorOf } from './turn';

/** Longer than this, the document goes only as a file: a chat message has a size limit. */
const MAX_CHAT_CHARS = 20_000;

/** A reference as typed in a command: upper-cased and bounded; whether it is one is the use case's check. */
const ref = (typed: string) => typed.toUpperCase().slice(0, 40);

/**
 * Information governance in Teams: linking two cases of one child, legal holds, subject access
 * exports and erasure. Every refusal goes through the guard: a clear message and an audit event.
 */
export class GovernanceRoutes implements WorkflowRoutes {
  constructor(
    private readonly linking: CaseLinking,
    private readonly retention: Retention,
    private readonly subjectAccess: SubjectAccess,
    private readonly guard: Guard,
    private readonly files: FileDelivery,
  ) {}

  registerCommands(app: Application<TurnState>): void {
    this.showLinkedCasesOnRecords(app);
    const say = (pattern: RegExp, step: (context: TurnContext, m: RegExpExecArray) => Promise<string>) =>
      app.message(pattern, async (context) => {
        const m = pattern.exec(context.activity.text ?? '')!;
        const reply = await this.guard(actorOf(context), 'access', async () => ({ message: await step(context, m) }));
        await context.sendActivity('message' in reply ? reply.message : '');
      });
    say(/^\s*link\s+(\S+)\s+(\S+)\s*$/i, (c, m) => this.linking.link(actorOf(c), ref(m[1]), ref(m[2])));
    say(/^\s*lift\s+hold\s+(\S+)\s*$/i, (c, m) => this.retention.lift(actorOf(c), ref(m[1])));
    say(/^\s*hold\s+(\S+)(?:\s+([\s\S]*))?$/i, (c, m) => this.retention.hold(actorOf(c), ref(m[1]), m[2] ?? ''));
    say(/^\s*erase\s+(\S+)(\s+confirm)?\s*$/i, (c, m) => this.subjectAccess.erase(actorOf(c), ref(m[1]), !!m[2]));
    app.message(/^\s*subject\s+access\s+person\s+(\S+)\s*$/i, async (context) => {
      const email = /^\s*subject\s+access\s+person\s+(\S+)\s*$/i.exec(context.activity.text ?? '')![1].slice(0, 200);
      await this.document(context, 'a person', async () => this.subjectAccess.person(actorOf(context), email));
    });
    app.message(/^\s*subject\s+access\s+(\S+)\s*$/i, async (context) => {
      const reference = ref(/^\s*subject\s+access\s+(\S+)\s*$/i.exec(context.activity.text ?? '')![1]);
      await this.document(context, reference, async () => this.subjectAccess.thread(actorOf(context), reference));
    });
  }

  registerActions(): void {
    // Commands only: no card verbs.
  }

  /**
   * A subject access export: in the personal chat only (elsewhere others would read it), as
   * Markdown and offered as a Word document through the same file-consent flow as `export`.
   */
  private async document(context: TurnContext, about: string, make: () => Promise<RecordDocument | string>): Promise<void> {
    if (!FileDelivery.available(context)) {
      await context.sendActivity('Ask for a subject access export in your personal chat with Concord: here others would see it.');
      return;
    }
    let doc: RecordDocument | undefined;
    const reply = await this.guard(actorOf(context), 'access', async () => {
      const made = await make();
      if (typeof made === 'string') return { message: made };
      doc = made;
      const text = markdown(made);
      return {
        message:
          text.length <= MAX_CHAT_CHARS
            ? text
            : `${made.title}: too long for a chat message (${text.length.toLocaleString('en-GB')} characters). Allow the Word document below.`,
      };
    });
    await context.sendActivity('message' in reply ? reply.message : '');
    if (doc) await this.files.offerDocument(context, doc, { kind: 'subject-access', about });
  }

  /**
   * `record` of any case shows the other cases of the child's thread below the record card, so that
   * no workflow's record needs to know about threads. Only a card is a record shown: a refusal is
   * words, and gets nothing added.
   */
  private showLinkedCasesOnRecords(app: Application<TurnState>): void {
    app.turn('beforeTurn', (context) => {
      const m = context.activity.type === 'message' ? /^\s*(?:record|referral|incident)\s+(\S+)\s*$/i.exec(context.activity.text ?? '') : null;
      if (!m) return Promise.resolve(true);
      const reference = ref(m[1]);
      context.onSendActivities(async (_context, activities, next) => {
        const cards = activities.flatMap((a) => a.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
        if (cards.length) {
          const linked = await this.linking.linked(reference);
          if (linked.length)
            for (const c of cards) {
              const body = (c.content as { body?: unknown[] }).body;
              body?.push({ type: 'TextBlock', text: `Linked cases (the same child): ${linked.join(', ')}`, wrap: true, separator: true });
            }
        }
        return next();
      });
      return Promise.resolve(true);
    });
  }
}
