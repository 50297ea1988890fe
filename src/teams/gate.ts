import { Activity, ActivityTypes, TurnContext } from 'botbuilder';
import { Directory, Person } from '../domain/directory';
import { AuditLog } from '../store/auditLog';
import { ConversationStore } from '../store/conversations';
import { isCardAction, setActor, tell, tenantOf } from './turn';

/**
 * Runs before every route. A single-tenant bot still receives activities from other tenants, and
 * anyone in an allowed tenant can message the bot: both are checked here, refused with a clear
 * message and an audit event, and nothing else runs for them.
 */
export class Gate {
  constructor(
    private readonly directory: Directory,
    private readonly audit: AuditLog,
    private readonly conversations: ConversationStore,
  ) {}

  async admit(context: TurnContext): Promise<boolean> {
    const a = context.activity;
    const tenantId = tenantOf(a);
    const speaks = a.type === ActivityTypes.Message || a.type === ActivityTypes.Invoke;
    if (!this.directory.isTenantAllowed(tenantId)) {
      await this.audit.record({
        subject: 'access',
        action: 'refused.tenant',
        actorAadObjectId: a.from?.aadObjectId,
        tenantId,
        activityId: a.id,
        detail: `${kindOf(a)} from a tenant outside the partnership`,
      });
      if (speaks) await tell(context, `Concord is not available to your organisation: it serves ${this.directory.partnership.name} only.`);
      return false;
    }
    const acting = this.directory.personActing(a.from?.aadObjectId, tenantId);
    if (acting === 'wrong-tenant') {
      // A directory id arriving from a tenant it does not belong to: someone else's id, or a forgery.
      await this.audit.record({
        subject: 'access',
        action: 'refused.wrong-tenant',
        actorAadObjectId: a.from?.aadObjectId,
        tenantId,
        activityId: a.id,
        detail: `${kindOf(a)} under an identity that belongs to another tenant`,
      });
      if (speaks)
        await tell(
          context,
          'Concord cannot act for this account from this organisation. Use the account your partnership registered for you, or ask your partnership administrator.',
        );
      return false;
    }
    const person = acting;
    await this.remember(context, tenantId!, person);
    if (!speaks) return true;

    if (!person) {
      await this.audit.record({
        subject: 'access',
        action: 'refused.unknown-person',
        actorAadObjectId: a.from?.aadObjectId,
        tenantId,
        activityId: a.id,
        detail: isCardAction(a) ? 'card action' : kindOf(a),
      });
      const admins =
        this.directory
          .administrators()
          .map((p) => `${p.name} (${p.email})`)
          .join(', ') || 'your partnership business manager';
      await tell(context, `You are not in the ${this.directory.partnership.name} directory yet, so Concord cannot act for you. Ask ${admins} to add you.`);
      return false;
    }
    setActor(context, { person, tenantId: tenantId!, activityId: a.id ?? '', userId: a.from.id });
    return true;
  }

  /** Keep how to reach each person and channel, from whatever activity shows it. */
  private async remember(context: TurnContext, tenantId: string, person: Person | undefined): Promise<void> {
    const a = context.activity;
    const reference = TurnContext.getConversationReference(a);
    const kind = a.conversation?.conversationType;
    if (kind === 'channel') {
      // A message in a channel thread arrives as "<channel id>;messageid=<thread>": keep the channel.
      const channelId = (a.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? a.conversation.id.split(';')[0];
      await this.conversations.saveChannel({ ...reference, activityId: undefined, conversation: { ...reference.conversation!, id: channelId } });
    }
    if (!person || !a.serviceUrl) return;
    // Under the person's own id, whichever identity wrote: they are reached where they last were.
    await this.conversations.savePerson({
      aadObjectId: person.aadObjectId,
      userId: a.from.id,
      tenantId,
      serviceUrl: a.serviceUrl,
      bot: a.recipient ? { id: a.recipient.id, name: a.recipient.name } : undefined,
      // Without the activity id: it changes with every message, and with it every activity would
      // rewrite the address. Proactive messages start a new message rather than reply to an old one.
      personal: kind === 'personal' ? { ...reference, activityId: undefined } : undefined,
    });
  }
}

/** The activity's type for an audit row: the sender chooses it, so only a type Teams has is named. */
const ACTIVITY_TYPES = new Set<string>(Object.values(ActivityTypes));
function kindOf(a: Partial<Activity>): string {
  return typeof a.type === 'string' && ACTIVITY_TYPES.has(a.type) ? a.type : 'an activity of a type Teams does not send';
}
