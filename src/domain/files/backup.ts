/**
 * The backup file (`qvt-numerique/backup`, version 1): every diagnostic and every custom grid of
 * a device in one file, and back (docs/privacy.md, « What each file the user creates contains »).
 *
 * Reading never throws and never half-reads: the whole file is checked (each diagnostic and the
 * grid copies it carries, each custom grid) before anything is returned. Restoring is planned
 * first — what is new, what is already there, what clashes with different content — then applied
 * in one of two ways the user chooses: keep both (a clashing diagnostic comes back as a copy with
 * a new id) or replace (the device's version is overwritten). Nothing here touches storage.
 */
import '@/domain/zod-setup';
import * as z from 'zod/mini';
import { Diagnostic } from '@/domain/diagnostic/diagnostic';
import { canonicalJson } from '@/domain/grid/hash';
import { loadGrid } from '@/domain/grid/load-grid';
import type { Grid } from '@/domain/grid/schema';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './file-formats';
import {
  checkContent,
  contentProblem,
  readJsonFile,
  type JsonFileError,
  type PathSegment,
} from './read-json-file';

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION };
/** Largest backup file read, in bytes (checked by the caller before reading). */
export const MAX_BACKUP_BYTES = 100 * 1024 * 1024;
/** Most diagnostics, and most custom grids, one backup may carry. */
export const MAX_BACKUP_ENTRIES = 5_000;

const IsoDate = z.string().check(z.maxLength(40));

/** A custom grid as the device keeps it: the file as given, when it was added, its file name. */
export const BackupGrid = z.object({
  source: z.unknown(),
  addedAt: IsoDate,
  fileName: z.optional(z.string().check(z.maxLength(300))),
});
export type BackupGrid = z.infer<typeof BackupGrid>;

/** The envelope; entries are checked one by one afterwards so errors can name the entry. */
const Envelope = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: IsoDate,
  appVersion: z.optional(z.string().check(z.maxLength(40))),
  diagnostics: z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_ENTRIES)),
  grids: z.array(z.unknown()).check(z.maxLength(MAX_BACKUP_ENTRIES)),
});

/** The backup as written to the file. */
export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  createdAt: string;
  appVersion?: string;
  diagnostics: Diagnostic[];
  grids: BackupGrid[];
};

/** A custom grid read from a backup: validated, with the key the device stores it under. */
export type RestoredGrid = BackupGrid & { key: string; grid: Grid; hash: string };

/** A backup read and checked in full. */
export type Backup = {
  createdAt: string;
  appVersion?: string;
  diagnostics: Diagnostic[];
  grids: RestoredGrid[];
};

/** Why a backup was not read: the one JSON reader's error (`read-json-file.ts`). */
export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; error: JsonFileError };

/** The key a custom grid is stored under on the device, e.g. `my-grid@1.2.0`. */
export function gridKey(grid: { id: string; version: string }): string {
  return `${grid.id}@${grid.version}`;
}

/** Builds the backup of a device's data; the caller gives the date (the domain has no clock). */
export function buildBackup(input: {
  diagnostics: Diagnostic[];
  grids: BackupGrid[];
  createdAt: string;
  appVersion?: string;
}): BackupFile {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: input.createdAt,
    ...(input.appVersion === undefined ? {} : { appVersion: input.appVersion }),
    diagnostics: input.diagnostics,
    grids: input.grids.map((g) => ({
      source: g.source,
      addedAt: g.addedAt,
      ...(g.fileName === undefined ? {} : { fileName: g.fileName }),
    })),
  };
}

/** The backup as file text (indented JSON, so it can be read and audited). */
export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup, null, 2);
}

/**
 * Reads and checks a whole backup file with the one JSON reader; each diagnostic and each
 * custom grid is checked, and a problem names its place in the file. Never throws.
 */
export function parseBackup(text: string): ParseBackupResult {
  try {
    return parseBackupUnsafe(text);
  } catch {
    return { ok: false, error: contentProblem('backup', 'value', []) };
  }
}

function parseBackupUnsafe(text: string): ParseBackupResult {
  const read = readJsonFile(text, ['backup']);
  if (!read.ok) return read;
  const envelope = checkContent(Envelope, read.value, 'backup');
  if (!envelope.ok) return envelope;

  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  for (const [index, raw] of envelope.data.diagnostics.entries()) {
    const at: PathSegment[] = ['diagnostics', index];
    const parsed = checkContent(Diagnostic, raw, 'backup', at);
    if (!parsed.ok) return parsed;
    const broken = parsed.data.grids.findIndex((snapshot) => !loadGrid(snapshot.grid).ok);
    if (broken >= 0) {
      const id = parsed.data.grids[broken]?.id ?? '';
      return fail([...at, 'grids', broken, 'grid'], 'invalidGrid', id);
    }
    if (ids.has(parsed.data.id)) return fail([...at, 'id'], 'duplicate', parsed.data.id);
    ids.add(parsed.data.id);
    diagnostics.push(parsed.data);
  }

  const grids: RestoredGrid[] = [];
  const keys = new Set<string>();
  for (const [index, raw] of envelope.data.grids.entries()) {
    const at: PathSegment[] = ['grids', index];
    const entry = checkContent(BackupGrid, raw, 'backup', at);
    if (!entry.ok) return entry;
    const loaded = loadGrid(entry.data.source);
    if (!loaded.ok) {
      const source = entry.data.source as { id?: unknown } | null;
      const id = typeof source?.id === 'string' ? source.id : '';
      return fail([...at, 'source'], 'invalidGrid', id);
    }
    const key = gridKey(loaded.grid);
    if (keys.has(key)) return fail([...at, 'source', 'id'], 'duplicate', key);
    keys.add(key);
    grids.push({ ...entry.data, key, grid: loaded.grid, hash: loaded.hash });
  }

  return {
    ok: true,
    backup: {
      createdAt: envelope.data.createdAt,
      ...(envelope.data.appVersion === undefined ? {} : { appVersion: envelope.data.appVersion }),
      diagnostics,
      grids,
    },
  };
}

function fail(
  path: PathSegment[],
  code: 'invalidGrid' | 'duplicate',
  value: string,
): ParseBackupResult {
  return { ok: false, error: contentProblem('backup', code, path, { value }) };
}

/** What the device already holds, as far as a restore needs to know. */
export type DeviceContents = {
  diagnostics: Diagnostic[];
  /** Custom grids by store key, with their content hash. */
  grids: { key: string; hash: string }[];
};

export type DiagnosticClash = { incoming: Diagnostic; existing: Diagnostic };

/** What restoring a backup would do, before the user chooses how to merge. */
export type RestorePlan = {
  /** Diagnostics whose id is not on the device. */
  newDiagnostics: Diagnostic[];
  /** Diagnostics already on the device with exactly the same content: nothing to do. */
  sameDiagnostics: Diagnostic[];
  /** Same id, different content: the user decides (keep both, or replace). */
  clashingDiagnostics: DiagnosticClash[];
  newGrids: RestoredGrid[];
  sameGrids: RestoredGrid[];
  /** Same id and version, different content. */
  clashingGrids: RestoredGrid[];
};

/** Compares a backup with the device's contents; pure, the device is never changed here. */
export function planRestore(device: DeviceContents, backup: Backup): RestorePlan {
  const onDevice = new Map(device.diagnostics.map((d) => [d.id, d]));
  const plan: RestorePlan = {
    newDiagnostics: [],
    sameDiagnostics: [],
    clashingDiagnostics: [],
    newGrids: [],
    sameGrids: [],
    clashingGrids: [],
  };
  for (const incoming of backup.diagnostics) {
    const existing = onDevice.get(incoming.id);
    if (!existing) plan.newDiagnostics.push(incoming);
    else if (canonicalJson(existing) === canonicalJson(incoming))
      plan.sameDiagnostics.push(incoming);
    else plan.clashingDiagnostics.push({ incoming, existing });
  }
  const gridHashes = new Map(device.grids.map((g) => [g.key, g.hash]));
  for (const grid of backup.grids) {
    const hash = gridHashes.get(grid.key);
    if (hash === undefined) plan.newGrids.push(grid);
    else if (hash === grid.hash) plan.sameGrids.push(grid);
    else plan.clashingGrids.push(grid);
  }
  return plan;
}

/**
 * How clashes are settled: `keepBoth` restores a clashing diagnostic as a copy (new id, title
 * marked) and leaves a clashing custom grid on the device as it is (the backup file still holds
 * the other one); `replace` overwrites the device's diagnostic or grid with the backup's.
 */
export type MergeMode = 'keepBoth' | 'replace';

/** What to write: diagnostics and grids to put on the device, and what was left as it was. */
export type RestoreWrites = {
  diagnostics: Diagnostic[];
  grids: RestoredGrid[];
  /** Diagnostics restored as copies: original id → new id. */
  copies: { from: string; to: string }[];
  /** Diagnostics replaced on the device (their ids). */
  replacedDiagnostics: string[];
  /** Custom grids left as they are on the device (`keepBoth`) or replaced (`replace`). */
  keptGrids: string[];
  replacedGrids: string[];
};

/**
 * Turns a plan into the records to write. `newId` gives a fresh id for each copy and
 * `copyTitle` the title of a copy (both from the caller: the domain has no randomness and no
 * text of its own).
 */
export function resolveRestore(
  plan: RestorePlan,
  mode: MergeMode,
  options: { newId: () => string; copyTitle: (title: string) => string },
): RestoreWrites {
  const writes: RestoreWrites = {
    diagnostics: [...plan.newDiagnostics],
    grids: [...plan.newGrids],
    copies: [],
    replacedDiagnostics: [],
    keptGrids: [],
    replacedGrids: [],
  };
  for (const { incoming } of plan.clashingDiagnostics) {
    if (mode === 'replace') {
      writes.diagnostics.push(incoming);
      writes.replacedDiagnostics.push(incoming.id);
    } else {
      const id = options.newId();
      const title = options.copyTitle(incoming.title).slice(0, 300);
      writes.diagnostics.push({ ...incoming, id, title });
      writes.copies.push({ from: incoming.id, to: id });
    }
  }
  for (const grid of plan.clashingGrids) {
    if (mode === 'replace') {
      writes.grids.push(grid);
      writes.replacedGrids.push(grid.key);
    } else writes.keptGrids.push(grid.key);
  }
  return writes;
}
