/**
 * The referral card the Front Door was sent (in their channel, or in each one's own chat when
 * Concord could not post there) is one live card: as the referral changes (decided, a discussion
 * convened from it) every copy is replaced in place, so nobody sees "To be decided" after it was.
 */
import { Referral } from '../../domain/referral';
import { Directory } from '../../domain/directory';
import { Tell } from '../notices';

/** The keys the Front Door's copies were sent under (submission.ts). */
export function frontDoorCopies(directory: Directory, reference: string) {
  const channel = directory.partnership.frontDoorChannelId;
  return [
    ...(channel ? [{ key: `${reference}|front-door`, to: { channel } }] : []),
    ...directory.withRole('front-door').map((p) => ({ key: `${reference}|front-door|${p.aadObjectId}`, to: { person: p.aadObjectId } })),
  ];
}

export async function showFrontDoor(ports: { tell: Tell; directory: Directory }, r: Referral): Promise<void> {
  // A copy never sent is not replaced (replace answers false): only the ones that went are updated.
  await Promise.all(frontDoorCopies(ports.directory, r.reference).map((c) => ports.tell.replace({ kind: 'ref.new', about: r.reference, referral: r, ...c })));
}
