import { TeamsUser } from './teams';

/** What Concord answered to a command: the first message (a slow turn may send "typing" before it). */
export async function answerTo(who: TeamsUser, command: string): Promise<any> {
  const replies = await who.say(command);
  const message = replies.find((a) => a.type === 'message');
  if (!message) throw new Error(`no answer to "${command}": ${JSON.stringify(replies).slice(0, 500)}`);
  return message;
}
