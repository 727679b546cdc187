/**
 * Each read model is a folder of projections/ that no other read model imports, so deleting
 * one folder (and its lines in projections/index.ts) breaks no other (README, "Adding ... a
 * read model"). What several read models share lives in projections/common (what they read
 * of each other's tables is declared there, naming the projection that fills it) or
 * projections/runner (the runner's machinery). Only projections/index.ts lists every folder,
 * and the application module (src/app.module.ts) mounts them through it.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';
import { preProcessFile } from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const PROJECTIONS = join(ROOT, 'projections');
/** The folders every read model may import. */
const SHARED = new Set(['common', 'runner']);

function tsFilesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return tsFilesUnder(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** The modules a file imports or re-exports (type-only and dynamic imports included), each once. */
function importsOf(file: string): string[] {
  return [...new Set(preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName))];
}

/** Where under projections/ a relative import of `file` lands: its first segment (`timeliness`, `index`...), or null outside projections/. */
function projectionsPartOf(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = relative(PROJECTIONS, resolve(dirname(file), specifier));
  if (target.startsWith('..')) return null;
  // `..` from a folder, or `../projections` from src/, is projections/index.ts.
  return target === '' ? 'index' : target.split(sep)[0].replace(/\.ts$/, '');
}

/** `projections/case-status/x.ts imports ../timeliness/y` for every import of `files` landing in a part of projections/ not `allowed`. */
function crossings(files: readonly string[], allowed: (file: string, part: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .map((specifier) => ({ specifier, part: projectionsPartOf(file, specifier) }))
      .filter(({ part }) => part !== null && !allowed(file, part))
      .map(({ specifier }) => `${relative(ROOT, file)} imports ${specifier}`),
  );
}

const readModelFolders = readdirSync(PROJECTIONS).filter((name) => !SHARED.has(name) && statSync(join(PROJECTIONS, name)).isDirectory());

describe('read model folders are independent', () => {
  it('finds the read model folders and their files (the check below has something to check)', () => {
    expect(readModelFolders).toEqual(expect.arrayContaining(['case-status', 'timeliness', 'dcc-oversight']));
    expect(readModelFolders.flatMap((folder) => tsFilesUnder(join(PROJECTIONS, folder))).length).toBeGreaterThan(50);
  });

  it.each(readModelFolders)('projections/%s imports no other read model folder, only its own, common and runner', (folder) => {
    const files = tsFilesUnder(join(PROJECTIONS, folder));
    expect(crossings(files, (_file, part) => part === folder || SHARED.has(part))).toEqual([]);
  });

  it('projections/common and projections/runner import no read model folder', () => {
    const files = [...SHARED].flatMap((shared) => tsFilesUnder(join(PROJECTIONS, shared)));
    expect(crossings(files, (_file, part) => SHARED.has(part))).toEqual([]);
  });

  it('src/ reaches the read models through projections/index.ts only (and the runner and common directly)', () => {
    const files = tsFilesUnder(join(ROOT, 'src'));
    expect(crossings(files, (_file, part) => part === 'index' || SHARED.has(part))).toEqual([]);
  });

  it('would see a crossing: an import of another folder, by path or through projections/index.ts', () => {
    const file = join(PROJECTIONS, 'dcc-oversight', 'x.ts');
    expect(projectionsPartOf(file, '../timeliness/deadlines')).toBe('timeliness');
    expect(projectionsPartOf(file, '..')).toBe('index');
    expect(projectionsPartOf(file, '../index')).toBe('index');
    expect(projectionsPartOf(file, '../common/case-id.pipe')).toBe('common');
    expect(projectionsPartOf(file, '../../src/http')).toBeNull();
    expect(projectionsPartOf(file, '@nestjs/common')).toBeNull();
  });
});
