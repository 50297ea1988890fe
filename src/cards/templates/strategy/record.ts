import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface RecordView {
  minutes: string[];
  reference: string;
  status: string;
  /** Where it came from and what followed it: the referral, the first discussion, the follow-up. */
  links: string[];
  when: string;
  chair: string;
  minuteTaker: string;
  purpose: string;
  people: string[];
  /** Who handed what to whom after convening, in order. */
  handovers: string[];
  omissions: string[];
  versions: { version: number; recorded: string; amendmentReason: string; summary: string; actions: string[]; answers: string[] }[];
  differences: string[];
  /** The child is known to another local authority: a transfer can start from here. */
  canTransfer: boolean;
}

export default template<RecordView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: '${reference}: the record',
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Status: ${status}',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      $data: '${links}',
      text: '${$data}',
      wrap: true,
    },
    {
      type: 'FactSet',
      facts: [
        {
          title: 'When',
          value: '${when}',
        },
        {
          title: 'Chair',
          value: '${chair}',
        },
        {
          title: 'Minutes',
          value: '${minuteTaker}',
        },
      ],
    },
    {
      type: 'TextBlock',
      $data: '${handovers}',
      text: '${$data}',
      wrap: true,
      isSubtle: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      text: '${purpose}',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: 'Invited',
      weight: 'Bolder',
      wrap: true,
      separator: true,
    },
    {
      type: 'TextBlock',
      $data: '${people}',
      text: '- ${$data}',
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'TextBlock',
      $data: '${omissions}',
      text: '- Not invited: ${$data}',
      wrap: true,
      spacing: 'Small',
    },
    {
      type: 'Container',
      $data: '${versions}',
      separator: true,
      items: [
        {
          type: 'TextBlock',
          text: 'Version ${version}, ${recorded}',
          weight: 'Bolder',
          wrap: true,
        },
        {
          type: 'TextBlock',
          $when: "${amendmentReason != ''}",
          text: 'Amended: ${amendmentReason}',
          wrap: true,
        },
        {
          type: 'TextBlock',
          text: '${summary}',
          wrap: true,
        },
        {
          type: 'TextBlock',
          $data: '${actions}',
          text: '- ${$data}',
          wrap: true,
          spacing: 'Small',
        },
        {
          type: 'TextBlock',
          $data: '${answers}',
          text: '- ${$data}',
          wrap: true,
          spacing: 'Small',
        },
      ],
    },
    {
      type: 'TextBlock',
      $data: '${differences}',
      text: '${$data}',
      wrap: true,
      color: 'Warning',
    },
    {
      type: 'TextBlock',
      $when: '${count(minutes) > 0}',
      text: 'Minutes',
      weight: 'Bolder',
      wrap: true,
      separator: true,
    },
    {
      type: 'TextBlock',
      $data: '${minutes}',
      text: '- ${$data}',
      wrap: true,
      spacing: 'Small',
    },
  ],
  actions: [
    {
      $when: '${canTransfer}',
      type: 'Action.Execute',
      title: 'Transfer the case to another authority',
      verb: 'tr.start.open',
      data: {
        ref: '${reference}',
      },
    },
    {
      type: 'Action.Execute',
      title: 'Export the record',
      verb: 'sd.export',
      data: {
        ref: '${reference}',
      },
    },
  ],
} as const);
