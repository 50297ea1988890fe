import { template } from '../../render';

/** The view model this template expands (its `$root`). */
export interface EmergencyView {
  emergencyNumber: string;
  outOfHoursNumber: string;
  frontDoorNumber: string;
  /** The same numbers as tel: addresses, so a phone dials them with one tap. */
  tel: { emergency: string; outOfHours: string; frontDoor: string };
}

export default template<EmergencyView>({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Call [${emergencyNumber}](tel:${tel.emergency}) now', weight: 'Bolder', size: 'ExtraLarge', color: 'Attention', wrap: true },
    {
      type: 'TextBlock',
      text: 'If a child is in immediate danger, call the police on [${emergencyNumber}](tel:${tel.emergency}) before anything else.',
      wrap: true,
    },
    { type: 'TextBlock', text: 'Front Door: [${frontDoorNumber}](tel:${tel.frontDoor})', wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: 'Out of hours: [${outOfHoursNumber}](tel:${tel.outOfHours})', wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: 'When the child is safe, continue the referral: it will be marked urgent.', wrap: true, isSubtle: true },
  ],
  actions: [{ type: 'Action.Execute', title: 'Continue the referral (urgent)', verb: 'ref.resume', data: {} }],
} as const);
