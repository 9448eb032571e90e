import { RpcError } from '../../src-shared/rpc/rpc-error';

const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  // Windows answers EPERM or EBUSY when the file being replaced is open in Excel.
  EPERM: 'permission denied, or the file is open in another program',
  EBUSY: 'the file is open in another program',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'the folder does not exist',
  EISDIR: 'a folder has that name',
  ENAMETOOLONG: 'the name is too long',
};

/**
 * A file-system failure as a message the user can act on (`Could not write "…/x.csv": the
 * disk is full.`). Paths are the user's own and hold no secret, so they may be shown.
 */
export function fileSystemError(action: string, path: string, error: unknown): RpcError {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const reason = typeof code === 'string' ? (reasons[code] ?? `the system said ${code}`) : 'an unexpected error';
  return new RpcError('internal', `Could not ${action} "${path}": ${reason}.`);
}
