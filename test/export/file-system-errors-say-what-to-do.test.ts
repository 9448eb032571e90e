import { describe, expect, it } from 'vitest';
import { fileSystemError } from '../../src-main/export/file-system-error';

describe('file-system errors in exports', () => {
  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EACCES', 'permission denied'],
    ['EBUSY', 'the file is open in another program'],
    ['EROFS', 'the disk is read-only'],
    ['ENOENT', 'the folder does not exist'],
    ['EWHATEVER', 'the system said EWHATEVER'],
  ])('%s reads "%s", naming the file', (code, reason) => {
    const error = fileSystemError('write', '/home/anna/Fakturor.csv', Object.assign(new Error('x'), { code }));
    expect(error.code).toBe('internal');
    expect(error.message).toBe(`Could not write "/home/anna/Fakturor.csv": ${reason}.`);
  });

  it('says little about an error without a code', () => {
    expect(fileSystemError('save', '/x.csv', 'boom').message).toBe('Could not save "/x.csv": an unexpected error.');
  });
});
