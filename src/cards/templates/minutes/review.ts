import { inputIds } from '../../inputs';
import { CorrectionField } from '../../../workflows/minutes/forms';
import { template } from '../../render';
import type { InputsOf } from '../../../domain/limits';
import type { MinutesContent } from '../../../domain/minutes';

/** The view model this template expands (its `$root`). */
export interface MinutesReviewView {
  reference: string;
  version: number;
  userIds: string[];
  headline: string;
  circulated: string;
  late: string;
  superseded: string;
  content: MinutesContent;
  decision: string;
  link: string;
  applied: string[];
  dissents: string[];
  yourState: string;
  error: string;
  f: InputsOf<'correctionWrong' | 'correctionShouldSay'>;
  canAnswer: boolean;
  dissentId: string;
}

const id = inputIds<CorrectionField>();

export default template<MinutesReviewView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  refresh: {
    action: { type: 'Action.Execute', title: 'Refresh', verb: 'minutes.view', data: { ref: '${reference}', version: '${version}' } },
    userIds: '${userIds}',
  },
  body: [
    { type: 'TextBlock', text: '${headline}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Minutes, version ${version}, circulated ${circulated}.', isSubtle: true, wrap: true },
    { type: 'TextBlock', $when: "${late != ''}", text: '${late}', color: 'Warning', wrap: true },
    { type: 'TextBlock', $when: "${superseded != ''}", text: '${superseded}', color: 'Warning', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Information shared', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${content.agencyInformation}', wrap: true },
    { type: 'TextBlock', text: 'Risk and needs', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${content.analysis}', wrap: true },
    { type: 'TextBlock', text: 'Decision: ${decision}', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: '${content.rationale}', wrap: true },
    { type: 'TextBlock', $when: "${content.actions != ''}", text: 'Actions: ${content.actions}', wrap: true },
    { type: 'TextBlock', text: 'Family: ${content.familyTold}', wrap: true },
    { type: 'TextBlock', $when: "${link != ''}", text: '[The full minutes](${link})', wrap: true },
    { type: 'TextBlock', $data: '${applied}', text: '${$data}', wrap: true, color: 'Good' },
    { type: 'TextBlock', $data: '${dissents}', text: '${$data}', wrap: true, color: 'Warning' },
    { type: 'TextBlock', $when: "${yourState != ''}", text: '${yourState}', weight: 'Bolder', wrap: true, separator: true },
    { type: 'TextBlock', $when: "${error != ''}", text: '${error}', color: 'Attention', wrap: true },
    {
      type: 'Input.Text',
      $when: '${canAnswer}',
      id: id('wrong'),
      label: '${f.correctionWrong.label}',
      maxLength: '${f.correctionWrong.max}',
      isMultiline: true,
    },
    {
      type: 'Input.Text',
      $when: '${canAnswer}',
      id: id('shouldSay'),
      label: '${f.correctionShouldSay.label}',
      maxLength: '${f.correctionShouldSay.max}',
      isMultiline: true,
    },
  ],
  actions: [
    {
      $when: '${canAnswer}',
      type: 'Action.Execute',
      title: 'Received and reviewed',
      verb: 'minutes.confirm',
      data: { ref: '${reference}', version: '${version}' },
    },
    {
      $when: '${canAnswer}',
      type: 'Action.Execute',
      title: 'Ask for a correction',
      verb: 'minutes.correct',
      data: { ref: '${reference}', version: '${version}' },
    },
    {
      $when: "${dissentId != ''}",
      type: 'Action.Execute',
      title: 'Raise a professional difference',
      verb: 'minutes.difference',
      data: { ref: '${reference}', id: '${dissentId}' },
    },
  ],
} as const);
