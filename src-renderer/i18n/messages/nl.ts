import type { Messages } from './en';

const nl: Messages = {
  app: {
    name: 'Reskontra',
    tagline: 'Uw debiteuren in één grootboek',
    skipToContent: 'Naar de inhoud',
    mainNavigation: 'Hoofdmenu',
  },
  nav: {
    dashboard: 'Overzicht',
    invoices: 'Facturen',
    events: 'Gebeurtenissen',
    cases: 'Dossiers',
    connections: 'Koppelingen',
    settings: 'Instellingen',
  },
  dashboard: {
    title: 'Overzicht',
    intro: 'Wat u tegoed hebt, wat te laat is, wat financiering kostte en wat bij incasso ligt.',
    emptyTitle: 'Nog niets gesynchroniseerd',
    emptyBody: 'Koppel Vettig, Flowtly, Confirma Finance of Aptic om uw debiteuren hier te zien.',
    emptyAction: 'Naar koppelingen',
  },
  invoices: {
    title: 'Facturen',
    intro: 'Elke factuur van elke koppeling in één lijst.',
    emptyTitle: 'Nog geen facturen',
    emptyBody: 'Facturen verschijnen hier na de eerste synchronisatie van een koppeling.',
  },
  events: {
    title: 'Factoringgebeurtenissen',
    intro: 'Financiering, kosten, uitbetalingen en regres, zoals uw factormaatschappij ze boekte.',
    emptyTitle: 'Nog geen factoringgebeurtenissen',
    emptyBody: 'Gebeurtenissen verschijnen hier zodra een Vettig-koppeling is gesynchroniseerd.',
  },
  cases: {
    title: 'Incassodossiers',
    intro: 'Facturen die zijn overgedragen aan betalingsbewaking en incasso, met wat nog openstaat.',
    emptyTitle: 'Geen incassodossiers',
    emptyBody: 'Dossiers verschijnen hier zodra een Confirma Finance-koppeling is gesynchroniseerd.',
  },
  connections: {
    title: 'Koppelingen',
    intro: 'De diensten waaruit Reskontra uw debiteuren leest. Inloggegevens blijven in de sleutelbos van uw systeem.',
    emptyTitle: 'Nog geen koppelingen',
    emptyBody: 'Voeg een koppeling met een dienst toe om te beginnen met synchroniseren.',
  },
  settings: {
    title: 'Instellingen',
    languageSection: 'Taal en notatie',
    language: 'Taal',
    languageHelp: 'Datums en bedragen volgen de taal die u kiest.',
    about: 'Over de app',
    version: 'Versie',
    transport: 'Draait als',
    transportElectron: 'Desktop-app',
    transportBrowser: 'Browsermodus',
    dataFolder: 'Gegevensmap',
    loading: 'Laden…',
    loadFailed: 'Kon de app-gegevens niet lezen: {message}',
  },
  errors: {
    unauthorized: 'Dit venster is geopend zonder de startlink van Reskontra. Open het adres dat Reskontra bij het starten toonde.',
    forbidden: 'Reskontra weigerde een verzoek dat niet uit het eigen venster kwam.',
    offline: 'Het achtergrondproces van Reskontra reageert niet. Start Reskontra opnieuw.',
    internal: 'Er ging iets mis in Reskontra. Er is niets van uw gegevens veranderd.',
    payload_too_large: 'Dat is te veel gegevens om in één keer te versturen.',
    unknown_method: 'Deze versie van Reskontra kan dat niet.',
  },
  languages: {
    en: 'English',
    sv: 'Svenska',
    nl: 'Nederlands',
    fi: 'Suomi',
  },
};

export default nl;
