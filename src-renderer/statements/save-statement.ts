import type { CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsv, encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { exportFileName } from '../../src-shared/csv/export-file-name';
import type { RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import { maxExportChunkLength, type ChunkEncoding } from '../../src-shared/rpc/export-methods';
import { statementRows, summaryRows, type Statement } from './statement';

type ExportMethod = 'export.begin' | 'export.append' | 'export.commit' | 'export.abort';

/** The bridge's `call`, narrowed to the export methods (tests pass main's dispatch instead). */
export type ExportCall = <M extends ExportMethod>(method: M, input: RpcInput<M>) => Promise<RpcOutput<M>>;

export type SaveResult =
  | { status: 'cancelled' }
  | {
      status: 'saved';
      path: string;
      fileName: string;
      bytes: number;
      /** The same bytes for a browser download, when asked for. */
      copy: Blob | null;
      /** The companion file with the balances and totals, when the statement has any. */
      summary: { path: string; fileName: string; copy: Blob | null } | null;
    };

/**
 * Encodes the statement (a pure table) and hands it to main in batches of up to `maxExportChunkLength`, so
 * neither side holds the whole file as one string. With `keepCopy` each batch also becomes a
 * Blob part (the browser keeps those outside the script heap) for the download in browser mode.
 * Its totals go with the commit as the companion summary file, in the same preset.
 * A failure, or `signal` firing (the dialog closed), aborts the export: main leaves no partial file.
 */
export async function saveStatement(
  statement: Statement,
  format: CsvFormat,
  call: ExportCall,
  options: { keepCopy?: boolean; onProgress?: (bytesSent: number) => void; signal?: AbortSignal } = {},
): Promise<SaveResult> {
  const file = statement.file;
  const begun = await call('export.begin', { suggestedName: file ? file.name : exportFileName(statement.fileNameParts) });
  if (begun.status === 'cancelled') return { status: 'cancelled' };
  const { exportId } = begun;
  const parts: BlobPart[] = [];
  const send = async (batch: string, copy: BlobPart, encoding: ChunkEncoding) => {
    options.signal?.throwIfAborted();
    const { bytes } = await call('export.append', { exportId, chunk: batch, ...(encoding === 'base64' ? { encoding } : {}) });
    if (options.keepCopy) parts.push(copy);
    options.onProgress?.(bytes);
  };
  try {
    if (file) {
      for (const piece of byteBatches(file.bytes)) await send(toBase64(piece), piece, 'base64');
    } else {
      // The next batch is encoded while main writes this one: one append in flight, in order.
      let writing: Promise<void> = Promise.resolve();
      for await (const batch of batches(encodeCsv(statementRows(statement), format), maxExportChunkLength)) {
        await writing;
        writing = send(batch, new Blob([batch]), 'utf8');
        // Its failure is read at the next await; until then it is not an unhandled rejection.
        writing.catch(() => undefined);
      }
      await writing;
    }
    options.signal?.throwIfAborted();
    // A few rows at most: one message, written by main beside the statement, both or neither.
    // A file in a format of its own (SIE) carries its own totals and gets no CSV beside it.
    const summary = !file && statement.totals.length > 0 ? encodeCsvToString(summaryRows(statement), format) : undefined;
    const committed = await call('export.commit', { exportId, ...(summary === undefined ? {} : { summary }) });
    const copy = options.keepCopy ? new Blob(parts, { type: file ? 'application/octet-stream' : 'text/csv;charset=utf-8' }) : null;
    const companion = committed.summary && summary !== undefined
      ? { path: committed.summary.path, fileName: committed.summary.fileName, copy: options.keepCopy ? new Blob([summary], { type: 'text/csv;charset=utf-8' }) : null }
      : null;
    return { status: 'saved', path: committed.path, fileName: committed.fileName, bytes: committed.bytes, copy, summary: companion };
  } catch (error) {
    await call('export.abort', { exportId }).catch(() => undefined);
    throw error;
  }
}

/**
 * Joins the encoder's chunks into batches of at most `limit` code units. A chunk longer than
 * that (one enormous row) is cut, never between the two halves of a surrogate pair: main
 * encodes each batch to UTF-8 on its own, and a lone half would become U+FFFD.
 */
export async function* batches(chunks: AsyncIterable<string>, limit: number): AsyncGenerator<string, void, undefined> {
  let batch = '';
  for await (let chunk of chunks) {
    if (batch.length + chunk.length > limit && batch !== '') {
      yield batch;
      batch = '';
    }
    while (chunk.length > limit) {
      const cut = limit > 1 && isHighSurrogate(chunk.charCodeAt(limit - 1)) ? limit - 1 : limit;
      yield chunk.slice(0, cut);
      chunk = chunk.slice(cut);
    }
    batch += chunk;
  }
  if (batch !== '') yield batch;
}

/** Three bytes are four base64 characters: pieces this long stay within one `export.append`. */
const maxBytesPerChunk = (maxExportChunkLength / 4) * 3;

function* byteBatches(bytes: Uint8Array): Generator<Uint8Array<ArrayBuffer>> {
  for (let offset = 0; offset < bytes.length; offset += maxBytesPerChunk) yield bytes.slice(offset, offset + maxBytesPerChunk);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += 0x8000) binary += String.fromCharCode(...bytes.subarray(offset, offset + 0x8000));
  return btoa(binary);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
