/**
 * Fills a folder's file system (a small tmpfs a fault test mounted) to its last byte with one
 * file, for the tests of a full disk; answers the file's path, to remove when space is to return.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  try {
    writeFileSync(filler, Buffer.alloc(1024 * 1024, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
  return filler;
}
