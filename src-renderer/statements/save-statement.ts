import type { CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsv } from '../../src-shared/csv/encode-csv';
import { exportFileName } from '../../src-shared/csv/export-file-name';
import type { RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import { maxExportChunkLength } from '../../src-shared/rpc/export-methods';
import { statementRows, type Statement } from './statement';

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
    };

/**
 * Encodes the statement and hands it to main in batches of up to `maxExportChunkLength`, so
 * neither side holds the whole file as one string. With `keepCopy` each batch also becomes a
 * Blob part (the browser keeps those outside the script heap) for the download in browser mode.
 * A failure, or `signal` firing (the dialog closed), aborts the export: main leaves no partial file.
 */
export async function saveStatement(
  statement: Statement,
  format: CsvFormat,
  call: ExportCall,
  options: { keepCopy?: boolean; onProgress?: (bytesSent: number) => void; signal?: AbortSignal } = {},
): Promise<SaveResult> {
  const begun = await call('export.begin', { suggestedName: exportFileName(statement.fileNameParts) });
  if (begun.status === 'cancelled') return { status: 'cancelled' };
  const { exportId } = begun;
  const parts: Blob[] = [];
  const send = async (batch: string) => {
    options.signal?.throwIfAborted();
    const { bytes } = await call('export.append', { exportId, chunk: batch });
    if (options.keepCopy) parts.push(new Blob([batch]));
    options.onProgress?.(bytes);
  };
  try {
    for await (const batch of batches(encodeCsv(statementRows(statement), format), maxExportChunkLength)) await send(batch);
    options.signal?.throwIfAborted();
    const committed = await call('export.commit', { exportId });
    const copy = options.keepCopy ? new Blob(parts, { type: 'text/csv;charset=utf-8' }) : null;
    return { status: 'saved', ...committed, copy };
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

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
