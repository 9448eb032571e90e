/**
 * Text chunks in, UTF-8 batches of at most `batchBytes` out, each in a buffer of its own: a
 * batch still in flight, or kept for a download, is never written over. The text is encoded
 * straight into the batch (no string joined across chunks, no second copy), and
 * `encodeInto` writes whole characters only, so a batch never ends inside one.
 */
export function* utf8Batches(chunks: Iterable<string>, batchBytes: number): Generator<Uint8Array<ArrayBuffer>, void, undefined> {
  // Four bytes is the longest character: any smaller and one might never fit.
  if (!Number.isInteger(batchBytes) || batchBytes < 4) throw new RangeError(`A batch must hold at least 4 bytes, got ${String(batchBytes)}.`);
  const encoder = new TextEncoder();
  let batch = new Uint8Array(batchBytes);
  let filled = 0;
  for (let text of chunks) {
    for (;;) {
      const { read, written } = encoder.encodeInto(text, batch.subarray(filled));
      filled += written;
      if (read === text.length) break;
      text = text.slice(read);
      yield batch.subarray(0, filled);
      batch = new Uint8Array(batchBytes);
      filled = 0;
    }
  }
  if (filled > 0) yield batch.subarray(0, filled);
}
