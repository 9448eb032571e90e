import { z } from 'zod';
import { csvFileNameProblem } from '../csv/export-file-name';
import { method } from './method';

/**
 * Longest chunk one `export.append` takes, in UTF-16 code units. JSON may spend up to six
 * bytes on one character (`\u0001`), so 1 Mi characters stays under the browser-mode host's
 * 10 MB body limit whatever the text; the encoder's 64 KB chunks can be batched up to it.
 */
export const maxExportChunkLength = 1024 * 1024;

/**
 * Most bytes one `export.appendBytes` carries. Bytes travel as they are (the body of a loopback
 * request in browser mode, a structured clone over IPC), so a batch may be larger than a JSON
 * chunk: a million-row file is ~30 round trips, and the host's 10 MB body limit still holds.
 */
export const maxExportBatchBytes = 4 * 1024 * 1024;

/** `export.begin`: where the file will go, or that the user closed the save dialog. */
export type ExportBegun =
  | { status: 'started'; exportId: string; fileName: string }
  | { status: 'cancelled' };

export interface ExportCommitted {
  /** Absolute path of the finished file. */
  path: string;
  fileName: string;
  bytes: number;
  /** The companion summary file (balances and totals) written beside it, when one was sent. */
  summary: { path: string; fileName: string; bytes: number } | null;
}

const suggestedName = z.string().superRefine((name, context) => {
  const problem = csvFileNameProblem(name);
  if (problem !== null) context.addIssue({ code: 'custom', message: problem });
});

const exportId = z.uuid({ error: 'not an export id' });

/**
 * Writing a file in chunks: begin (main asks where, in Electron through the save dialog),
 * append each chunk as it is encoded, then commit (the file appears whole, atomically) or
 * abort (nothing is left). The renderer never names a folder: main decides where files go.
 */
export const exportMethods = {
  'export.begin': method<ExportBegun>()(z.object({ suggestedName }).strict()),
  /** The next text of the file, written as UTF-8: for small files and scripts; the app sends bytes (below). */
  'export.append': method<{ bytes: number }>()(
    z.object({ exportId, chunk: z.string().max(maxExportChunkLength) }).strict(),
  ),
  /** The next bytes of the file, as the renderer encoded them (UTF-8 text, or an SIE file's own code page). */
  'export.appendBytes': method<{ bytes: number }>()(
    z
      .object({
        exportId,
        bytes: z
          .instanceof(Uint8Array, { error: 'not bytes' })
          .refine((bytes) => bytes.byteLength <= maxExportBatchBytes, `at most ${maxExportBatchBytes} bytes a call`),
      })
      .strict(),
  ),
  /**
   * `summary`: the text of a companion file (`<name>.summary.csv`, a statement's balances and
   * totals), small enough for one message; main writes both files or neither.
   */
  'export.commit': method<ExportCommitted>()(z.object({ exportId, summary: z.string().max(maxExportChunkLength).optional() }).strict()),
  'export.abort': method<{ aborted: true }>()(z.object({ exportId }).strict()),
};
