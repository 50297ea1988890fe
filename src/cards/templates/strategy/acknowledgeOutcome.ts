import { template } from '../../render';

/** The view model this template expands (its `$root`): one outcome version, the same for everyone asked to acknowledge it. */
export interface OutcomeView {
  version: number;
  when: string;
  chair: string;
  amendmentReason: string;
  facts: { title: string; value: string }[];
  rationale: string;
  actions: string[];
  contributions: string;
  family: string;
}

/** The outcome on an acknowledgement card: a card of its own, whose body goes into the acknowledgement card's `outcome` container. */
export default template<OutcomeView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Outcome of the strategy discussion on ${when}, version ${version}, recorded by ${chair}.', wrap: true, isSubtle: true },
    { type: 'TextBlock', $when: "${amendmentReason != ''}", text: 'Amended: ${amendmentReason}', wrap: true, color: 'Warning' },
    { type: 'FactSet', facts: [{ $data: '${facts}', title: '${title}', value: '${value}' }] },
    { type: 'TextBlock', text: 'Why: ${rationale}', wrap: true },
    { type: 'TextBlock', $when: '${count(actions) > 0}', text: 'Actions', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', $data: '${actions}', text: '- ${$data}', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: 'Agencies: ${contributions}', wrap: true },
    { type: 'TextBlock', text: 'Family: ${family}', wrap: true },
  ],
} as const);
