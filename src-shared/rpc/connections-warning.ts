/**
 * What went wrong reading connections.json, as data the window translates (`message` is the
 * same in English, for logs). Each warning lasts while its cause does: an entry set aside
 * until it is fixed or removed, a kept-aside copy until it is restored or deleted, a newer
 * file until this version is updated.
 */
export type EntryProblem = 'not_an_object' | 'bad_id' | 'duplicate_id' | 'unknown_provider' | 'unexpected_field' | 'invalid_value';

export interface SetAsideEntry {
  /** 1-based position in the file's `connections` list. */
  position: number;
  id?: string;
  label?: string;
}

export type ConnectionsWarning =
  | { kind: 'entry_set_aside'; entry: SetAsideEntry; problem: EntryProblem; field?: string; message: string }
  | { kind: 'file_kept_aside'; keptAs: string; why: 'not_json' | 'trailing_content' | 'wrong_shape'; message: string }
  | { kind: 'file_from_newer_version'; version: number; message: string };
