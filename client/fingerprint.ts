import { createHash } from 'node:crypto';

/**
 * Returns a short, stable stand-in for a secret, `sha256:` followed by the first 8 hex
 * digits of its SHA-256 digest, so logs can tell keys apart without containing them.
 *
 * Eight hex digits (32 bits) identify a key among a handful but are far too short to
 * recover it. Use it in log fields and messages wherever the key or secret would appear.
 */
export function fingerprint(secret: string): string {
  const digest = createHash('sha256').update(secret, 'utf8').digest('hex');
  return `sha256:${digest.slice(0, 8)}`;
}
