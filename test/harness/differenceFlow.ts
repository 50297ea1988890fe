/** Raising the sample professional difference, as Nia Evans does from chat: the path most difference tests start from. */
import * as cards from './cards';
import { TeamsUser } from './teams';

/** Nia raises a difference about SD-0142 with Jordan Reid; returns its PD- reference and the card she got. */
export async function raiseDifference(nia: TeamsUser, options: { immediateRisk?: boolean } = {}): Promise<{ reference: string; raised: any }> {
  const [form] = await nia.say('escalate');
  const raised = await nia.click(form.attachments[0].content, 'Raise the difference', {
    'Case reference (not the child’s name)': 'SD-0142',
    'The decision or action in question': 'No section 47 enquiry after the second strategy discussion',
    'Your reasons and the evidence': 'Every agency but social care left the meeting understanding a s47 enquiry would start.',
    'The outcome you are seeking': 'A section 47 enquiry, and the record corrected',
    'Responding practitioner': 'Jordan Reid',
    'Immediate risk': options.immediateRisk ?? false,
  });
  const reference = /^(PD-\d{4})/.exec(cards.text(raised.card))?.[1];
  if (!reference) throw new Error(`not raised: ${raised.said}`);
  return { reference, raised };
}
