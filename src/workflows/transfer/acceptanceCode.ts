/**
 * The one-time acceptance code for a receiving authority outside the partnership's tenants: shown
 * once to the sender to email with the summary, kept only as a hash, valid for the partnership's
 * days, spent by the acceptance it proves.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/** No 0/O or 1/I/L: read out on the phone or copied from an email without mistakes. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Hashed with the transfer's reference: the same code for another transfer is another hash. */
export function hashCode(reference: string, code: string): string {
  return createHash('sha256')
    .update(`${reference}|${code.replace(/[\s-]/g, '').toUpperCase()}`)
    .digest('hex');
}

/** A fresh code for a transfer, and what is kept of it: its hash and when it stops working. */
export function issueCode(reference: string, now: Date, validDays: number): { code: string; kept: { hash: string; expiresAt: string } } {
  const code = newCode();
  return { code, kept: { hash: hashCode(reference, code), expiresAt: new Date(now.getTime() + validDays * 86_400_000).toISOString() } };
}

export function codeMatches(reference: string, code: string, hash: string): boolean {
  const a = Buffer.from(hashCode(reference, code), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
