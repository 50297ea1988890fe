/**
 * How the referral and serious-incident views and notices read in Teams: the cards of
 * cards/referralCards (and the strategy convene form for a chair's pre-filled offer), with a first
 * line that never identifies the child.
 */
import { encodeOpenElsewhere } from '../domain/openElsewhere';
import { WorkingCalendar } from '../domain/calendar';
import { FormDefinition } from '../domain/forms';
import { FRONT_DOOR_DECISIONS } from '../domain/referral';
import { ReferralCards } from '../cards/referralCards';
import { StrategyCards } from '../cards/strategyCards';
import { Reply } from '../workflows/ports';
import { IncidentClock, ReferralNotices } from '../workflows/referrals/notices';
import { ConveneOffer, FormKind, ReferralView } from '../workflows/referrals/views';
import { conveneOffer } from '../workflows/referrals/frontDoor';
import { SeriousIncident } from '../domain/seriousIncident';
import { Presenters } from './tell';
import { Directory } from '../domain/directory';
import { ConversationStore } from '../store/conversations';
import { Recipient } from '../workflows/ports';
import { FormSession } from '../workflows/referrals/formSession';

const STEP = {
  referral: { verb: 'ref.step', noun: 'Referral' },
  incident: { verb: 'si.step', noun: 'Serious incident' },
};

export class ReferralPresenter {
  constructor(
    private readonly cards: ReferralCards,
    private readonly strategyCards: StrategyCards,
    private readonly forms: Record<FormKind, FormDefinition>,
    private readonly calendar: WorkingCalendar,
    private readonly now: () => Date,
    /** Who is who in Teams: the Front Door card refreshes itself for its people. */
    private readonly people?: { directory: Directory; conversations: Pick<ConversationStore, 'userId'> },
  ) {}

  /** Who the Front Door card refreshes itself for: the channel's Front Door people, or the one person it went to. */
  private async frontDoorUserIds(to: Recipient): Promise<string[]> {
    if (!this.people) return [];
    const { directory, conversations } = this.people;
    const ids = await Promise.all(
      ('person' in to ? [to.person] : directory.withRole('front-door').map((p) => p.aadObjectId)).map((id) => conversations.userId(id)),
    );
    return ids.filter((id): id is string => !!id);
  }

  reply(v: ReferralView): Reply {
    switch (v.kind) {
      case 'said':
        return { message: v.text };
      case 'danger':
        return { card: this.cards.danger() };
      case 'emergency':
        return { card: this.cards.emergency() };
      case 'draft-choice':
        return { card: this.cards.draftChoice(v.savedAt) };
      case 'draft': {
        const form = this.forms[v.form];
        const d = v.draft;
        if (d.step >= form.steps.length) return { card: this.cards.review(form, d.answers, d.urgent, v.form, FormSession.idOf(d)) };
        return { card: this.cards.step(form, d.step, d.answers, { errors: v.errors, urgent: d.urgent, ...STEP[v.form] }) };
      }
      case 'receipt':
        return { card: this.cards.receipt(v, this.now()) };
      case 'referral':
        return { card: this.cards.referral(this.forms.referral, v.referral, v.viewer, this.now(), v.error) };
      case 'incident':
        return { card: this.incidentCard(v.incident) };
      case 'convene-offer':
        return { card: this.conveneCard(v) };
    }
  }

  private conveneCard(v: ConveneOffer) {
    return this.strategyCards.convene(v.chair, {
      purpose: v.purpose,
      invite_referrer: v.referrer,
      babyOrUnborn: v.babyOrUnborn ? 'true' : 'false',
      referral: v.referral,
      openElsewhere: encodeOpenElsewhere(v.openElsewhere),
    });
  }

  private incidentCard(si: SeriousIncident, admin = true) {
    return this.cards.incident(this.forms.incident, si, { admin }, this.now());
  }

  private due(si: SeriousIncident, which: IncidentClock): string {
    return this.calendar.phrase(new Date(which === 'panel' ? si.panelDueAt : si.rapidReviewDueAt!), this.now());
  }

  notices(): Pick<Presenters, keyof ReferralNotices> {
    return {
      'ref.new': async ({ referral: r, to }) => ({
        summary: `${r.reference}: new referral${r.urgent ? ', urgent' : ''}`,
        card: this.cards.referral(this.forms.referral, r, { frontDoor: true, chair: false }, this.now(), '', await this.frontDoorUserIds(to)),
      }),
      'ref.decided': ({ referral: r }) => ({
        summary: `${r.reference}: the Front Door decided: ${FRONT_DOOR_DECISIONS[r.decision!.outcome]}.`,
        detail: `Why: ${r.decision!.rationale}`,
      }),
      'ref.convene-needed': ({ referral: r, chair }) => ({
        summary: `${r.reference}: the Front Door decided on a strategy discussion${r.urgent ? ' (urgent)' : ''}. Please convene it ${this.calendar.phrase(new Date(r.conveneBy!), this.now())}.`,
        card: this.conveneCard(conveneOffer(r, chair)),
      }),
      'ref.not-convened': ({ referral: r }) => ({
        summary: `${r.reference}: the Front Door decided on a strategy discussion${r.urgent ? ' (urgent)' : ''} and none was convened ${this.calendar.phrase(new Date(r.conveneBy!), this.now())}. Please see that a chair convenes it now.`,
        detail: `The chairs were told when it was decided. Type "record ${r.reference}" to see the referral.`,
      }),
      'ref.convene-taken': ({ referral: r }) => ({
        summary: `${r.reference}: convened as ${r.discussion!.reference}`,
        card: this.cards.convened(r),
      }),
      'ref.convened': ({ referral: r }) => ({
        summary: `${r.reference}: strategy discussion ${r.discussion!.reference} was convened.`,
        detail: `Convened ${this.calendar.describe(new Date(r.discussion!.at))}. Type "record ${r.reference}" to see the referral.`,
      }),
      'ref.undecided': ({ referral: r }) => ({
        summary: `${r.reference}: this referral${r.urgent ? ' (urgent)' : ''} was due a decision by the end of the working day and has none. Please decide it now.`,
      }),
      'si.reported': ({ incident: si }) => ({
        summary: `${si.reference}: serious incident reported; the National Panel must be notified ${this.due(si, 'panel')}`,
        card: this.incidentCard(si),
      }),
      'si.reminder': ({ incident: si, which }) => ({
        summary: `${si.reference}: reminder, ${which === 'panel' ? 'the National Panel must be notified' : 'the rapid review must be completed'} ${this.due(si, which)}`,
        card: this.incidentCard(si),
      }),
      'si.missed': ({ incident: si, which }) => ({
        summary: `${si.reference}: ${which === 'panel' ? 'The National Panel has not been notified' : 'The rapid review has not been completed'} and the statutory deadline has passed. The record shows it as missed.`,
        card: this.incidentCard(si),
      }),
    };
  }
}
