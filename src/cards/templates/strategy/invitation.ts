import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface InvitationView {
  reference: string;
  when: string;
  role: string;
  chair: string;
  minuteTaker: string;
  purpose: string;
  reply: string;
  /** How the chair recorded them once attendance is recorded: then there is no reply left to give. */
  attendance: string;
}

export default template<InvitationView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${reference}: you are invited to a strategy discussion', weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'When', value: '${when}' },
        { title: 'Your role', value: '${role}' },
        { title: 'Chair', value: '${chair}' },
        { title: 'Minutes', value: '${minuteTaker}' },
      ],
    },
    { type: 'TextBlock', text: '${purpose}', wrap: true },
    {
      type: 'TextBlock',
      text: 'Please bring what your agency knows about the child and everyone in the household, including fathers and partners, and be ready to say whether there is reasonable cause to suspect significant harm. After the discussion you will be asked to acknowledge the outcome.',
      wrap: true,
      isSubtle: true,
    },
    { type: 'TextBlock', $when: "${reply != ''}", text: 'Your reply: ${reply}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $when: "${attendance != ''}", text: 'The chair recorded you as: ${attendance}', weight: 'Bolder', wrap: true },
  ],
  actions: [
    {
      $when: "${reply == '' && attendance == ''}",
      type: 'Action.Execute',
      title: 'I will attend',
      verb: 'sd.invitation.reply',
      data: { ref: '${reference}', reply: 'attending' },
    },
    {
      $when: "${reply == '' && attendance == ''}",
      type: 'Action.Execute',
      title: 'I cannot attend (apologies)',
      verb: 'sd.invitation.reply',
      data: { ref: '${reference}', reply: 'apologies' },
    },
    {
      $when: "${reply == '' && attendance == ''}",
      type: 'Action.Execute',
      title: 'I will send information only',
      verb: 'sd.invitation.reply',
      data: { ref: '${reference}', reply: 'information-only' },
    },
  ],
} as const);
