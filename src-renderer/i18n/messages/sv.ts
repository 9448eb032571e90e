import type { Messages } from './en';

const sv: Messages = {
  app: {
    name: 'Reskontra',
    tagline: 'Dina kundfordringar i en reskontra',
    skipToContent: 'Hoppa till innehållet',
    mainNavigation: 'Huvudmeny',
  },
  nav: {
    dashboard: 'Översikt',
    invoices: 'Fakturor',
    events: 'Händelser',
    cases: 'Ärenden',
    connections: 'Kopplingar',
    settings: 'Inställningar',
  },
  dashboard: {
    title: 'Översikt',
    intro: 'Vad du har att få, vad som är förfallet, vad finansieringen kostade och vad som är hos inkasso.',
    emptyTitle: 'Inget synkat ännu',
    emptyBody: 'Koppla Vettig, Flowtly, Confirma Finance eller Aptic för att se dina kundfordringar här.',
    emptyAction: 'Gå till kopplingar',
  },
  invoices: {
    title: 'Fakturor',
    intro: 'Alla fakturor från alla kopplingar i en lista.',
    emptyTitle: 'Inga fakturor ännu',
    emptyBody: 'Fakturor visas här efter den första synkningen av en koppling.',
  },
  events: {
    title: 'Factoringhändelser',
    intro: 'Finansiering, avgifter, utbetalningar och regress, så som factoringbolaget bokfört dem.',
    emptyTitle: 'Inga factoringhändelser ännu',
    emptyBody: 'Händelser visas här när en Vettig-koppling har synkats.',
  },
  cases: {
    title: 'Inkassoärenden',
    intro: 'Fakturor som lämnats till betalningsbevakning och inkasso, med vad som återstår.',
    emptyTitle: 'Inga inkassoärenden',
    emptyBody: 'Ärenden visas här när en Confirma Finance-koppling har synkats.',
  },
  connections: {
    title: 'Kopplingar',
    intro: 'Tjänsterna Reskontra läser dina kundfordringar från. Inloggningsuppgifter stannar i systemets nyckelring.',
    emptyTitle: 'Inga kopplingar ännu',
    emptyBody: 'Lägg till en koppling till en tjänst för att börja synka.',
  },
  settings: {
    title: 'Inställningar',
    languageSection: 'Språk och format',
    language: 'Språk',
    languageHelp: 'Datum och belopp följer språket du väljer.',
    about: 'Om appen',
    version: 'Version',
    transport: 'Körs som',
    transportElectron: 'Skrivbordsapp',
    transportBrowser: 'Webbläsarläge',
    dataFolder: 'Datamapp',
    loading: 'Läser in…',
    loadFailed: 'Kunde inte läsa appens uppgifter: {message}',
  },
  errors: {
    unauthorized: 'Fönstret öppnades utan Reskontras startlänk. Öppna adressen som Reskontra skrev ut när den startade.',
    forbidden: 'Reskontra avvisade en begäran som inte kom från dess eget fönster.',
    offline: 'Reskontras bakgrundsprocess svarar inte. Starta Reskontra igen.',
    internal: 'Något gick fel i Reskontra. Inget av det du hade har ändrats.',
    payload_too_large: 'Det är för mycket data att skicka på en gång.',
    unknown_method: 'Den här versionen av Reskontra kan inte göra det.',
  },
  languages: {
    en: 'English',
    sv: 'Svenska',
    nl: 'Nederlands',
    fi: 'Suomi',
  },
};

export default sv;
