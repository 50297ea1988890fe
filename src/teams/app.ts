import { ActivityTypes, TeamsInfo, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { helpCard } from '../cards/help';
import { Directory } from '../domain/directory';
import { AuditLog } from '../store/auditLog';
import { ConversationStore } from '../store/conversations';
import { STORAGE_CANNOT_SAVE_STATUS } from '../store/embeddedAzurite';
import { statusOf } from '../store/tables';
import { Gate } from './gate';
import { actorOf, isCardAction, tell, tenantOf } from './turn';
import { answerUnknownInvoke, describeInvoke } from './unknownInvoke';
import { logger } from '../logger';

export interface AppServices {
  directory: Directory;
  audit: AuditLog;
  conversations: ConversationStore;
  /** Each workflow's routes: its text commands and its card verbs. */
  workflows: WorkflowRoutes[];
}

export interface WorkflowRoutes {
  registerCommands(app: Application<TurnState>): void;
  registerActions(app: Application<TurnState>): void;
}

/**
 * The route table is the table of contents of the bot: text commands first, then card verbs,
 * then the catch-alls.
 */
export function createApp(adapter: TeamsAdapter, botAppId: string, s: AppServices): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, botAppId, startTypingTimer: false, removeRecipientMention: true });
  const gate = new Gate(s.directory, s.audit, s.conversations);

  app.turn('beforeTurn', async (context) => gate.admit(context));

  // Installation and membership: the gate has already stored how to reach whoever triggered it.
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    if (context.activity.action === 'add' && context.activity.conversation.conversationType === 'personal') {
      const person = s.directory.person(context.activity.from.aadObjectId);
      if (person) await context.sendActivity({ attachments: [card(helpCard(s.directory, person))] });
    }
  });
  app.conversationUpdate('membersAdded', async (context) => {
    const tenantId = tenantOf(context.activity)!;
    const teamId = (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    if (teamId && context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) {
      await rememberTeamChannels(context, s.conversations);
    }
    for (const m of context.activity.membersAdded ?? []) {
      const person = s.directory.personActing(m.aadObjectId, tenantId);
      if (!person || person === 'wrong-tenant') continue;
      await s.conversations.savePerson({
        aadObjectId: person.aadObjectId,
        userId: m.id,
        tenantId,
        serviceUrl: context.activity.serviceUrl,
        bot: { id: context.activity.recipient.id, name: context.activity.recipient.name },
      });
    }
  });

  // Text commands.
  app.message(/^\s*help\s*$/i, async (context) => {
    await context.sendActivity({ attachments: [card(helpCard(s.directory, actorOf(context).person))] });
  });
  for (const w of s.workflows) w.registerCommands(app);

  // Card verbs.
  for (const w of s.workflows) w.registerActions(app);

  // Catch-alls, last: any invoke no route took (an unknown verb, a card action without one, a
  // message extension or task module Concord does not offer), then any message.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const actor = actorOf(context);
    await s.audit.record({
      subject: 'access',
      action: 'refused.unknown-action',
      actorAadObjectId: actor.person.aadObjectId,
      tenantId: actor.tenantId,
      activityId: actor.activityId,
      detail: describeInvoke(context.activity),
    });
    await answerUnknownInvoke(context);
  });
  app.activity(ActivityTypes.Message, async (context) => {
    await context.sendActivity('I did not recognise that. Type "help" to see what you can do.');
  });

  app.error(async (context: TurnContext, error: Error) => {
    // Never log activity content: it may identify a child. The error's class and stack are enough.
    logger.error('turn failed', { activityType: context.activity.type, error: error.name, stack: error.stack });
    // Only say nothing was recorded when nothing was: a step already on the record must not be repeated.
    const recorded = recordedBy(context);
    const message =
      statusOf(error) === STORAGE_CANNOT_SAVE_STATUS
        ? 'Concord cannot save anything just now: its storage is full or failing. Nothing was recorded. Please try again later, and tell your partnership administrator.'
        : recorded
          ? `${recorded}: what you did is on the record, but something went wrong afterwards, so some people may not have been told yet. Please do not repeat it: check it with "record ${recorded}" and tell your partnership administrator.`
          : 'Something went wrong and nothing was recorded. Please try again; if it keeps happening tell your partnership administrator.';
    if (isCardAction(context.activity) || context.activity.type === ActivityTypes.Message) await tell(context, message);
  });

  return app;
}

/**
 * Installed in a team: keep a reference for each of its channels, so that the Front Door channel
 * can be reached before anyone has written there. Best effort: a channel not found now is saved
 * the first time someone writes in it.
 */
async function rememberTeamChannels(context: TurnContext, conversations: ConversationStore): Promise<void> {
  try {
    const channels = await TeamsInfo.getTeamChannels(context);
    const base = TurnContext.getConversationReference(context.activity);
    for (const c of channels) {
      if (c.id)
        await conversations.saveChannel({ ...base, activityId: undefined, conversation: { ...base.conversation!, id: c.id, conversationType: 'channel' } });
    }
  } catch (e) {
    logger.warn('could not list the team channels', { error: (e as Error).name });
  }
}

/** The case the failed turn had already recorded a step on, if any (the gate may not have admitted the turn). */
function recordedBy(context: TurnContext): string | undefined {
  try {
    return actorOf(context).recorded;
  } catch {
    return undefined;
  }
}

export function card(content: object) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content };
}
