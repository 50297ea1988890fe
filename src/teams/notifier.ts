import { Activity, CardFactory, ConversationReference, TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import { ConversationStore } from '../store/conversations';
import { statusOf } from '../store/tables';
import { withOpenButton } from '../cards/recordButton';
import { Address, Messenger, OutboundMessage, SendResult, TransientDeliveryError } from '../delivery/messenger';

export function toActivity(message: OutboundMessage): Partial<Activity> {
  const card = withOpenButton(message);
  return message.card
    ? { type: 'message', summary: message.summary, attachments: [CardFactory.adaptiveCard(card!)] }
    : {
        type: 'message',
        summary: message.summary,
        text: message.detail ? `${message.summary}\n\n${message.detail}` : message.summary,
        ...(card ? { attachments: [CardFactory.adaptiveCard(card)] } : {}),
      };
}

function retryAfterMs(e: unknown): number | undefined {
  const headers = (e as { response?: { headers?: { get?: (n: string) => string | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** Turns a connector failure into "try again", "this person cannot be reached", or a real fault. */
function classify(e: unknown): SendResult {
  const status = statusOf(e);
  if (status === 429 || (status !== undefined && status >= 500) || status === undefined) {
    throw new TransientDeliveryError(status, retryAfterMs(e), (e as Error).message ?? String(e));
  }
  return { status: 'unreachable', reason: `Teams refused the message (HTTP ${status})` };
}

/**
 * Sends messages to people in their 1:1 chat with Concord and to channels. It never drops a
 * message silently: it delivers, says why the person is unreachable, or throws a transient error
 * for the delivery queue to retry.
 */
export class Notifier implements Messenger {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly conversations: ConversationStore,
  ) {}

  async toPerson(aadObjectId: string, message: OutboundMessage): Promise<SendResult> {
    const address = await this.conversations.person(aadObjectId);
    if (!address) return { status: 'unreachable', reason: 'Concord has never seen this person in Teams (the app is not installed for them)' };
    if (address.personal) return this.send(address.personal, message);
    if (!address.bot) return { status: 'unreachable', reason: 'no 1:1 chat with this person and no way to open one' };
    let result: SendResult | undefined;
    let failure: unknown;
    try {
      await this.adapter.createConversationAsync(
        this.botAppId,
        'msteams',
        address.serviceUrl,
        '',
        {
          isGroup: false,
          bot: { id: address.bot.id, name: address.bot.name ?? '' },
          members: [{ id: address.userId, name: '' }],
          tenantId: address.tenantId,
          channelData: { tenant: { id: address.tenantId } },
          activity: undefined,
        },
        async (ctx) => {
          try {
            const personal = TurnContext.getConversationReference(ctx.activity);
            await this.conversations.savePerson({ ...address, personal });
            result = await this.sendIn(ctx, message);
          } catch (e) {
            failure = e;
          }
        },
      );
    } catch (e) {
      failure = e;
    }
    if (failure) return classify(failure);
    return result ?? { status: 'unreachable', reason: 'the 1:1 chat could not be opened' };
  }

  async toChannel(conversationId: string, message: OutboundMessage): Promise<SendResult> {
    const reference = await this.conversations.channel(conversationId);
    if (!reference) return { status: 'unreachable', reason: 'Concord is not installed in that channel' };
    return this.send(reference, message);
  }

  /** Replace a message Concord sent earlier, e.g. the chair's live tally. */
  async update(reference: Address, activityId: string, message: OutboundMessage): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
      try {
        await ctx.updateActivity({ ...toActivity(message), id: activityId });
      } catch (e) {
        failure = e;
      }
    });
    if (failure) throw failure as Error; // what botbuilder threw, passed on as it is
  }

  /**
   * The adapter hands errors inside a proactive turn to its turn-error handler instead of
   * throwing them, so they are caught inside the turn and classified here.
   */
  private async send(reference: Partial<ConversationReference>, message: OutboundMessage): Promise<SendResult> {
    let result: SendResult | undefined;
    let failure: unknown;
    try {
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (ctx) => {
        try {
          result = await this.sendIn(ctx, message);
        } catch (e) {
          failure = e;
        }
      });
    } catch (e) {
      failure = e;
    }
    if (failure || !result) return classify(failure);
    return result;
  }

  private async sendIn(ctx: TurnContext, message: OutboundMessage): Promise<SendResult> {
    const sent = await ctx.sendActivity(toActivity(message));
    return { status: 'delivered', activityId: sent?.id ?? '', reference: TurnContext.getConversationReference(ctx.activity) };
  }
}
