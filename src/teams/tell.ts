import { Notify, OutboundMessage } from '../workflows/ports';
import { Notice, NoticeKind, Tell } from '../workflows/notices';
import { MinutesPresenter } from './minutesPresenter';
import type { DifferenceNoticeKinds } from '../workflows/differences/notices';
import { StrategyPresenter } from './strategyPresenter';

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

  private present<K extends NoticeKind>(n: Notice<K>): Promise<OutboundMessage> | OutboundMessage {
    return (this.presenters[n.kind] as (notice: Notice<K>) => Promise<OutboundMessage> | OutboundMessage)(n);
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
}

/** What the presenters need: each workflow adds its field. */
export interface PresenterDeps {
  minutes: MinutesPresenter;
  strategy: StrategyPresenter;
  referrals: { notices(): Pick<Presenters, 'ref.new' | 'ref.decided' | 'ref.undecided' | 'si.reported' | 'si.reminder' | 'si.missed'> };
  differences: { presenters(): Pick<Presenters, keyof DifferenceNoticeKinds> };
}

/** The presenters of every kind, checked complete by the compiler. Workflows add theirs here. */
export function presenters(deps: PresenterDeps): Presenters {
  return {
    said: (n) => ({ summary: n.summary, detail: n.detail }),
    ...deps.minutes.notices(),
    ...deps.referrals.notices(),
    ...deps.differences.presenters(),
    ...deps.strategy.notices(),
  };
}
