import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Bump when the archive's layout or the meaning of a field changes; restore refuses versions it does not know. */
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const tableFile = (table: string) => `tables/${table}.ndjson`;
/** Folders under DATA_DIR kept in a backup: evidence attachments and directory-import uploads awaiting apply. */
export const DATA_FOLDERS = ['attachments', 'imports'] as const;

const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const Name = Type.String({ pattern: '^[a-z_][a-z0-9_]*$', maxLength: 63 });

export const Manifest = Type.Object({
  format: Type.Literal('cydwella-backup'),
  formatVersion: Type.Integer(),
  createdAt: Type.String(),
  source: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
  /** Drizzle's record of applied migrations: the level is their count, each matched by its `when`. */
  migrations: Type.Array(Type.Object({ hash: Type.String(), createdAt: Type.String({ pattern: '^[0-9]+$' }) })),
  /** In the order they are restored (parents before children). */
  tables: Type.Array(Type.Object({ name: Name, rows: Type.Integer({ minimum: 0 }), sha256: Sha256 })),
  sequences: Type.Array(
    Type.Object({
      table: Name,
      column: Name,
      lastValue: Type.String({ pattern: '^-?[0-9]+$' }),
      isCalled: Type.Boolean(),
    }),
  ),
  files: Type.Array(
    Type.Object({
      path: Type.String({ pattern: `^(${DATA_FOLDERS.join('|')})/[A-Za-z0-9][A-Za-z0-9._-]*$` }),
      bytes: Type.Integer({ minimum: 0 }),
      sha256: Sha256,
    }),
  ),
  /** Attachments the database refers to that were not on disk when the backup was made. */
  missingAttachments: Type.Array(Sha256),
});
export type Manifest = Static<typeof Manifest>;

export function parseManifest(text: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error("The backup's manifest is not valid JSON: the file is damaged or is not a Cydwella backup.");
  }
  if (!Value.Check(Manifest, value)) {
    const first = Value.Errors(Manifest, value).First();
    throw new Error(
      `The backup's manifest is not one this version understands (${first ? `${first.path}: ${first.message}` : 'unknown problem'}).`,
    );
  }
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(
      `This backup has format version ${value.formatVersion}; this version of Cydwella reads version ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  return value;
}
