/**
 * Credentials a sandbox accepts. Derived from the seed, so a restarted `npm run sandbox` accepts
 * the same keys a demo connection already stored. They guard nothing real: they exist so the
 * app's auth paths run for real.
 */
import { mix32, STREAM } from '../data/prng';

export function sandboxSecret(seed: number, label: string, length = 32): string {
  const labelHash = [...label].reduce((hash, char) => mix32(hash, char.charCodeAt(0)), 0);
  let text = '';
  for (let n = 0; text.length < length; n += 1) text += mix32(seed, STREAM.credentials, labelHash, n).toString(16).padStart(8, '0');
  return text.slice(0, length);
}
