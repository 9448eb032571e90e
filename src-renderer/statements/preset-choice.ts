import { defaultCsvPreset, isCsvPresetId, type CsvPresetId } from '../../src-shared/csv/csv-format';

const presetKey = 'reskontra.csvPreset';

/** The preset the user last picked; until they pick one, the one their app language suggests. */
export function rememberedPreset(storage: Pick<Storage, 'getItem'>, language: string): CsvPresetId {
  const saved = storage.getItem(presetKey);
  return saved !== null && isCsvPresetId(saved) ? saved : defaultCsvPreset(language);
}

/** Called only when the user picks, so a language change still moves the default of someone who never did. */
export function rememberPreset(storage: Pick<Storage, 'setItem'>, preset: CsvPresetId): void {
  storage.setItem(presetKey, preset);
}
