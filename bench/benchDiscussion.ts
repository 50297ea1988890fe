/** The strategy discussion the report benches store by the thousand: the sample's core people, two roles left out. */
import { convene } from '../src/domain/convening';
import { Directory } from '../src/domain/directory';
import { StrategyDiscussion } from '../src/domain/strategyDiscussion';

export function benchDiscussion(directory: Directory, reference: string, at: Date): StrategyDiscussion {
  const id = (name: string) => directory.data.people.find((p) => p.name === name)!.aadObjectId;
  return convene(
    {
      chair: id('Sam Okafor'),
      scheduledAt: at,
      minuteTaker: id('Dee Walsh'),
      referrer: id('Nia Evans'),
      babyOrUnborn: false,
      purpose: 'Bench',
      invitees: { 'social-care': [id('Jordan Reid')], police: [id('Alex Carter')], health: [id('Nia Evans')], 'gp-child': [id('Helen Grant')] },
      reasons: { 'gp-parents': 'Bench', education: 'Bench' },
    },
    reference,
    directory,
    at,
  );
}
