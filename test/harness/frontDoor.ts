import * as cards from './cards';
import { TeamsUser } from './teams';
import { World } from './world';

/** The sample partnership's Front Door channel, and the General channel of its team. */
export const FRONT_DOOR = '19:front-door-westmoor@thread.tacv2';
export const TEAM = '19:front-door-team-general@thread.tacv2';

/**
 * The Front Door's team installs Concord, as Teams does it: the install arrives in the team's
 * General channel, and Concord asks the connector for the team's other channels.
 */
export async function installInFrontDoorTeam(world: World, member: TeamsUser): Promise<void> {
  world.connector.teamChannels = [FRONT_DOOR];
  await member.inChannel(TEAM).post({
    type: 'conversationUpdate',
    id: 'install-front-door-team',
    serviceUrl: world.connector.url,
    channelId: 'msteams',
    from: { id: member.userId, aadObjectId: member.who.aadObjectId },
    recipient: { id: '28:concord-test-bot', name: 'Concord' },
    conversation: { id: TEAM, conversationType: 'channel', tenantId: member.who.tenantId },
    channelData: { tenant: { id: member.who.tenantId }, team: { id: TEAM }, eventType: 'teamMemberAdded' },
    membersAdded: [{ id: '28:concord-test-bot' }],
  });
}

/** Answers every step of the referral form, from its first step card; returns the review card. */
export async function answerReferralSteps(referrer: TeamsUser, card: unknown, steps: Record<string, cards.Answer>[]): Promise<unknown> {
  for (let i = 0; i < steps.length; i++) card = (await referrer.click(card, i === steps.length - 1 ? 'Review' : 'Next', steps[i])).card;
  return card;
}
