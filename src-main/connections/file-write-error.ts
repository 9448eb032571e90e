import { RpcError } from '../../src-shared/rpc/rpc-error';
import { fileSystemError } from '../export/file-system-error';

/**
 * Why connections.json could not be saved. A full disk (or quota) has its own code, so the
 * window can say so in the user's language; anything else names the file and the reason.
 */
export function fileWriteError(file: string, error: unknown): RpcError {
  if (error instanceof RpcError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new RpcError('disk_full', `Could not save "${file}": the disk is full. Nothing was changed; free some space and try again.`);
  }
  return fileSystemError('save', file, error);
}
