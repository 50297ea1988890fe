import { Notify, OutboundMessage } from '../workflows/ports';
import { Notice, NoticeKind, Tell } from '../workflows/notices';
import { MinutesPresenter } from './minutesPresenter';
import type { DifferenceNoticeKinds } from '../workflows/differences/notices';
import type { ReferralNotices } from '../workflows/referrals/notices';
import type { TransferNoticeKinds } from '../workflows/transfer/notices';
import { StrategyPresenter } from './strategyPresenter';
import { isCaseReference } from '../domain/caseReference';

/**
 * Notices that carry no button to their record: those whose readers are usually not involved in
 * the case (a manager told that someone they manage is late), for whom opening it would be
 * refused, and a superseded card, which keeps nothing to click.
 */
const NO_RECORD_BUTTON: ReadonlySet<NoticeKind> = new Set<NoticeKind>([
  'sd.silence',
  'sd.action-overdue',
  'minutes.overdue',
  'minutes.unconfirmed',
  'ref.not-convened',
  'sd.ack-superseded',
  'pd.superseded',
  'minutes.superseded',
  'tr.superseded',
  'sd.chair-handed',
  'ref.convene-taken',
  'sd.action-handed-on',
  'sd.follow-up-convened',
]);

/** How each kind of notice reads in Teams: its first line (the notification) and its card. */
export type Presenters = { [K in NoticeKind]: (notice: Notice<K>) => Promise<OutboundMessage> | OutboundMessage };

/**
 * The Teams side of `Tell`: each notice is presented as a message and handed to the durable
 * outbox (delivery/), which sends it once, throttled and retried.
 */
export class TeamsTell implements Tell {
  constructor(
    private readonly outbox: Notify,
    private readonly presenters: Presenters,
  ) {}

  /** The notice in Teams' words, with a button to its case's record (every notice about a case its reader may see). */
  private async present<K extends NoticeKind>(n: Notice<K>): Promise<OutboundMessage> {
    const message = await (this.presenters[n.kind] as (notice: Notice<K>) => Promise<OutboundMessage> | OutboundMessage)(n);
    const covered = n.cover ? withCoverNote(message, n.cover) : message;
    return isCaseReference(n.about) && !NO_RECORD_BUTTON.has(n.kind) ? { ...covered, open: n.about } : covered;
  }

  async tell(notices: Notice[]): Promise<void> {
    const deliveries = await Promise.all(
      notices.map(async (n) => ({ key: n.key, subject: n.about, to: n.to, reportTo: n.reportTo, message: await this.present(n) })),
    );
    await this.outbox.sendAll(deliveries);
  }

  async replace(notice: Notice): Promise<boolean> {
    return this.outbox.replace(notice.about, notice.key, await this.present(notice));
  }

  async replaceLater(notices: Notice[]): Promise<void> {
    const replacements = await Promise.all(
      notices.map(async (n) => ({ subject: n.about, key: n.key, to: 'person' in n.to ? n.to.person : n.to.channel, message: await this.present(n) })),
    );
    await this.outbox.replaceLater(replacements);
  }

  async replaceNewest(notice: Notice): Promise<boolean> {
    const key = await this.outbox.newestCardTo(notice.about, 'person' in notice.to ? notice.to.person : notice.to.channel);
    return key ? this.outbox.replace(notice.about, key, await this.present(notice)) : false;
  }

  async replaceEarlier(notice: Notice): Promise<void> {
    const to = 'person' in notice.to ? notice.to.person : notice.to.channel;
    const earlier = (await this.outbox.cardsTo(notice.about, to)).filter((key) => key !== notice.key);
    if (!earlier.length) return;
    const message = await this.present(notice);
    await Promise.all(earlier.map((key) => this.outbox.replace(notice.about, key, message)));
  }
}

/**
 * A message that reaches someone's cover says so right under its first line (which stays the case
 * reference and what is needed): in the card, and in a plain message's text.
 */
export function withCoverNote(message: OutboundMessage, why: string): OutboundMessage {
  const card = message.card as { body?: object[] } | undefined;
  if (card?.body) {
    const note = { type: 'TextBlock', text: why, wrap: true, weight: 'Bolder', color: 'Attention' };
    return { ...message, card: { ...card, body: [card.body[0], note, ...card.body.slice(1)] } };
  }
  return { ...message, detail: message.detail ? `${why}\n\n${message.detail}` : why };
}

/** What the presenters need: each workflow adds its field. */
export interface PresenterDeps {
  minutes: MinutesPresenter;
  strategy: StrategyPresenter;
  referrals: { notices(): Pick<Presenters, keyof ReferralNotices> };
  differences: { presenters(): Pick<Presenters, keyof DifferenceNoticeKinds> };
  transfers: { presenters(): Pick<Presenters, keyof TransferNoticeKinds> };
}

/** The presenters of every kind, checked complete by the compiler. Workflows add theirs here. */
export function presenters(deps: PresenterDeps): Presenters {
  return {
    said: (n) => ({ summary: n.summary, detail: n.detail }),
    ...deps.minutes.notices(),
    ...deps.referrals.notices(),
    ...deps.differences.presenters(),
    ...deps.strategy.notices(),
    ...deps.transfers.presenters(),
  };
}
