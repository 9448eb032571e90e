import type { CsvFormat } from '../../src-shared/csv/csv-format';
import { encodeCsvToString } from '../../src-shared/csv/encode-csv';
import { exportFileName } from '../../src-shared/csv/export-file-name';
import type { RpcInput, RpcOutput } from '../../src-shared/rpc/contract';
import { maxExportBatchBytes } from '../../src-shared/rpc/export-methods';
import { statementBatches, summaryRows, type Statement } from './statement';

type ExportMethod = 'export.begin' | 'export.appendBytes' | 'export.commit' | 'export.abort';

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
 * Encodes the statement (a pure table) to UTF-8 and hands it to main in batches of up to
 * `maxExportBatchBytes` as bytes, so neither side holds the whole file and nothing is JSON-escaped
 * or encoded twice. With `keepCopy` each batch also becomes a Blob part (the browser keeps those
 * outside the script heap) for the download in browser mode. Its totals go with the commit as the
 * companion summary file, in the same preset. A failure, or `signal` firing (the dialog closed),
 * aborts the export: main leaves no partial file.
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
  const send = async (batch: Uint8Array<ArrayBuffer>) => {
    options.signal?.throwIfAborted();
    const { bytes } = await call('export.appendBytes', { exportId, bytes: batch });
    if (options.keepCopy) parts.push(new Blob([batch]));
    options.onProgress?.(bytes);
  };
  try {
    // The next batch is encoded while main writes this one: one append in flight, in order.
    let writing: Promise<void> = Promise.resolve();
    for (const batch of file ? byteBatches(file.bytes) : statementBatches(statement, format, maxExportBatchBytes)) {
      await writing;
      writing = send(batch);
      // Its failure is read at the next await; until then it is not an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
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

/** A file's own bytes (an SIE file), in pieces of one append each. */
function* byteBatches(bytes: Uint8Array): Generator<Uint8Array<ArrayBuffer>> {
  for (let offset = 0; offset < bytes.length; offset += maxExportBatchBytes) yield bytes.slice(offset, offset + maxExportBatchBytes);
}
