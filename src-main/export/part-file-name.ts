import { randomBytes } from 'node:crypto';

/**
 * Names of the hidden temp files exports are written to, `.<name>.reskontra-<pid>-<random>.part`:
 * recognisably Reskontra's, and saying which process writes them, so start-up can tell a file a
 * killed process left behind from one a running export (or another program) still owns.
 */

/** Bytes of the target's name kept in the temp name: with the marker it stays far below 255. */
const maxNameBytes = 100;
const partPattern = /^\..*\.reskontra-(\d{1,10})-[0-9a-f]{8}\.part$/s;

export function partFileName(targetName: string, pid: number = process.pid): string {
  return `.${leadingBytes(targetName, maxNameBytes)}.reskontra-${pid}-${randomBytes(4).toString('hex')}.part`;
}

/** The id of the process that writes the part file `name`, or null when Reskontra did not name it. */
export function partFileWriter(name: string): number | null {
  const match = partPattern.exec(name);
  return match ? Number(match[1]) : null;
}

/** The longest start of `text` that fits in `limit` bytes of UTF-8, never splitting a character. */
function leadingBytes(text: string, limit: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += Buffer.byteLength(character);
    if (bytes > limit) break;
    end += character.length;
  }
  return text.slice(0, end);
}
