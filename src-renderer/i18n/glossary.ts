/**
 * One word per concept in each language: the word the messages use, and the synonyms they must
 * not (a test reads every message against this). Add a concept when two screens start to
 * disagree on what to call it.
 */
export const glossary = {
  connection: {
    en: { word: 'connection', not: [/\bintegration/i] },
    sv: { word: 'koppling', not: [/anslutning/i] },
    nl: { word: 'koppeling', not: [/verbinding/i] },
    fi: { word: 'yhteys', not: [/kytkentä/i, /liitäntä/i] },
  },
  provider: {
    en: { word: 'provider', not: [/\bvendor/i] },
    sv: { word: 'tjänst', not: [/leverantör/i] },
    nl: { word: 'dienst', not: [/leverancier/i] },
    fi: { word: 'palvelu', not: [/toimittaja/i] },
  },
} as const satisfies Record<string, Record<'en' | 'sv' | 'nl' | 'fi', { word: string; not: readonly RegExp[] }>>;
