import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '@microsoft/teams-ai';
import { TransferPorts } from '../workflows/transfer/ports';
import { start, startForm } from '../workflows/transfer/starting';
import { acceptanceForm, acceptWithCode, agreeDate, answer, checkItem, recordPhoneAcceptance, view } from '../workflows/transfer/answering';
import { differenceOffer } from '../workflows/transfer/failure';
import { newAcceptanceCode } from '../workflows/transfer/newCode';
import { record } from '../workflows/transfer/record';
import { transferReport, transferReportCsv } from '../workflows/transfer/report';
import { TransferView } from '../workflows/transfer/views';
import { raiseForm } from '../workflows/differences/raising';
import { Actor } from '../workflows/actor';
import { RecordDocument } from '../documents/document';
import { card, WorkflowRoutes } from './app';
import { exportInChat, FileDelivery } from './files';
import { CardMessages, Guard, onCardAction, Step } from './cardAction';
import { actorOf, CardReply } from './turn';
import { referenceIn } from './referenceInText';
import { Verb, VerbData } from './verbs';
import { TransferPresenter } from './transferPresenter';
import { DifferencePresenter } from './differencePresenter';

/** Messages and card actions of case transfers: each runs a use case and presents its view. */
export class TransferRoutes implements WorkflowRoutes {
  constructor(
    private readonly ports: TransferPorts,
    private readonly present: TransferPresenter,
    private readonly differences: DifferencePresenter,
    private readonly guard: Guard,
    private readonly files: FileDelivery,
    private readonly messages?: CardMessages,
  ) {}

  /**
   * A transfer card the person acted on is their live card until a newer one reaches them (which
   * then points it there); a form being filled in is left alone.
   */
  private held(actor: Actor, v: TransferView, reply: CardReply): CardReply {
    if (v.kind === 'said' || v.kind === 'tr.start-form') return reply;
    const subject = v.transfer.reference;
    return { ...reply, holds: { subject, key: `${subject}|card|${actor.person.aadObjectId}`, live: v.kind !== 'tr.acceptance-form' } };
  }

  /** A transfer's card (TR-…), as this person sees it. */
  openRecord(actor: Actor, reference: string): Promise<CardReply> {
    return this.guard(actor, reference, () => view(this.ports, { actor, reference }).then((v) => this.present.view(actor, v)));
  }

  registerCommands(app: Application<TurnState>): void {
    const { ports, guard } = this;
    const shown = (actor: Actor) => (v: TransferView) => this.present.view(actor, v);
    app.message(/^\s*transfer\s*$/i, async (context) => {
      const actor = actorOf(context);
      await this.say(context, await guard(actor, 'transfer', () => startForm(ports, { actor }).then(shown(actor))));
    });
    // "transfer REF-0001" starts from a referral or discussion; "transfer TR-0001" and "record TR-0001" show one.
    app.message(/^\s*transfer\s+(REF|SD)-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const from = referenceIn(context);
      await this.say(context, await guard(actor, from, () => startForm(ports, { actor, from }).then(shown(actor))));
    });
    app.message(/^\s*(transfer|record)\s+TR-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const reference = referenceIn(context);
      await this.say(context, await guard(actor, reference, () => view(ports, { actor, reference }).then(shown(actor))));
    });
    app.message(/^\s*export\s+TR-\d+\s*$/i, async (context) => {
      const actor = actorOf(context);
      const reference = referenceIn(context);
      let doc: RecordDocument | undefined;
      await this.say(
        context,
        await guard(actor, reference, async () => ({
          message: exportInChat((doc = await record(ports, { actor, reference })), reference, FileDelivery.available(context)),
        })),
      );
      if (doc) await this.files.offerDocument(context, doc, { kind: 'record', ref: reference });
    });
    // "accept transfer TR-0001 K7PD3XQM": the acceptance form with the code filled in.
    app.message(/^\s*accept\s+transfer\s+TR-\d+(\s+\S+)?\s*$/i, async (context) => {
      const actor = actorOf(context);
      const [, reference = '', code = ''] = /^\s*accept\s+transfer\s+(\S+)\s*(\S*)/i.exec(context.activity.text ?? '') ?? [];
      const ref = reference.toUpperCase().slice(0, 40);
      await this.say(
        context,
        await guard(actor, ref, () => acceptanceForm(ports, { actor, reference: ref, how: 'code', code: code.slice(0, 40) }).then(shown(actor))),
      );
    });
    app.message(/^\s*transfers(\s+csv)?\s*$/i, async (context) => {
      const actor = actorOf(context);
      const wantCsv = /csv/i.test(context.activity.text ?? '');
      let csv: string | undefined;
      const reply = await guard(actor, 'transfers', async () => {
        const rows = await transferReport(ports, { actor });
        return { message: wantCsv ? (csv = transferReportCsv(rows)) : this.present.report(rows) };
      });
      await this.say(context, reply);
      if (csv) await this.files.offerCsv(context, 'case transfers.csv', 'Case transfers by month', csv, { kind: 'report', report: 'transfers' });
    });
  }

  registerActions(app: Application<TurnState>): void {
    const { ports } = this;
    const on = <V extends Verb>(
      verb: V,
      step: (actor: Actor, data: VerbData[V], reference: string) => Promise<TransferView> | TransferView,
      refresh?: Step<VerbData[V]>,
    ) =>
      onCardAction(
        app,
        verb,
        this.guard,
        async (actor, data, ref) => {
          const v = await step(actor, data, ref);
          return this.held(actor, v, this.present.view(actor, v));
        },
        refresh,
        this.messages,
      );
    const mine: Step<unknown> = async (actor, _data, reference) => this.present.view(actor, await view(ports, { actor, reference }));
    // From a referral's or discussion's record ("ref" is that record), or blank.
    on('tr.start.open', (actor, _data, from) => startForm(ports, { actor, from: from || undefined }));
    on('tr.start', (actor, { form }) => start(ports, { actor, form }));
    on('tr.view', (actor, _data, reference) => view(ports, { actor, reference }), mine);
    on('tr.answer', (actor, d, reference) => answer(ports, { actor, reference, what: d.answer, date: d.date, text: d.text }), mine);
    on('tr.date.agree', (actor, { date }, reference) => agreeDate(ports, { actor, reference, date }), mine);
    on('tr.check', (actor, { item }, reference) => checkItem(ports, { actor, reference, item }), mine);
    on('tr.acceptance.open', (actor, { how }, reference) => acceptanceForm(ports, { actor, reference, how: how || 'code' }));
    on('tr.accept.code', (actor, d, reference) => acceptWithCode(ports, { actor, reference, ...d }));
    on('tr.accept.phone', (actor, d, reference) => recordPhoneAcceptance(ports, { actor, reference, ...d }));
    on('tr.code.new', (actor, { codes }, reference) => newAcceptanceCode(ports, { actor, reference, seen: codes }));
    onCardAction(app, 'tr.difference', this.guard, async (actor, _data, reference) =>
      this.differences.view(actor, raiseForm(await differenceOffer(ports, { actor, reference }))),
    );
  }

  private async say(context: TurnContext, reply: CardReply): Promise<void> {
    if ('card' in reply) await context.sendActivity({ attachments: [card(reply.card)] });
    else await context.sendActivity(reply.message);
  }
}
