import { template } from '../render';

/**
 * A card that is no longer the current one (an outcome version amended, a stage moved on): it
 * says what replaced it and where that is, and offers nothing to click, so nobody types into a
 * card only to be refused.
 */
export interface SupersededView {
  /** `SD-0001: replaced by version 2`: the first line, naming only the case. */
  headline: string;
  /** Where the current card is. */
  line: string;
}

export default template<SupersededView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${line}', wrap: true, isSubtle: true },
  ],
} as const);
