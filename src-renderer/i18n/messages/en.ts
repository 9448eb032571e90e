/** English is the reference: every other language must have exactly these keys. */
const en = {
  app: {
    name: 'Reskontra',
    tagline: 'Your receivables, in one ledger',
    skipToContent: 'Skip to content',
    mainNavigation: 'Main navigation',
  },
  nav: {
    dashboard: 'Dashboard',
    invoices: 'Invoices',
    events: 'Events',
    cases: 'Cases',
    connections: 'Connections',
    settings: 'Settings',
  },
  dashboard: {
    title: 'Dashboard',
    intro: 'What you are owed, what is late, what financing cost and what is in collection.',
    emptyTitle: 'Nothing synced yet',
    emptyBody: 'Connect Vettig, Flowtly, Confirma Finance or Aptic to see your receivables here.',
    emptyAction: 'Go to connections',
  },
  invoices: {
    title: 'Invoices',
    intro: 'Every invoice from every connection, in one list.',
    emptyTitle: 'No invoices yet',
    emptyBody: 'Invoices appear here after the first sync of a connection.',
  },
  events: {
    title: 'Factoring events',
    intro: 'Financing, charges, payouts and recourse, as your factoring company booked them.',
    emptyTitle: 'No factoring events yet',
    emptyBody: 'Events appear here after a Vettig connection has synced.',
  },
  cases: {
    title: 'Collection cases',
    intro: 'Invoices handed to payment control and debt collection, with what is still outstanding.',
    emptyTitle: 'No collection cases',
    emptyBody: 'Cases appear here after a Confirma Finance connection has synced.',
  },
  connections: {
    title: 'Connections',
    intro: 'The providers Reskontra reads your receivables from. Credentials stay in your system keychain.',
    emptyTitle: 'No connections yet',
    emptyBody: 'Add a connection to a provider to start syncing.',
  },
  settings: {
    title: 'Settings',
    languageSection: 'Language and formats',
    language: 'Language',
    languageHelp: 'Dates and amounts follow the language you choose.',
    about: 'About',
    version: 'Version',
    transport: 'Running as',
    transportElectron: 'Desktop app',
    transportBrowser: 'Browser mode',
    dataFolder: 'Data folder',
    loading: 'Loading…',
    loadFailed: 'Could not read the app details: {message}',
  },
  errors: {
    unauthorized: "This window was opened without Reskontra's launch link. Open the address Reskontra printed when it started.",
    forbidden: 'Reskontra refused a request that did not come from its own window.',
    offline: "Reskontra's background process is not answering. Start Reskontra again.",
    internal: 'Something went wrong inside Reskontra. Nothing you had was changed.',
    payload_too_large: 'That is too much data to send at once.',
    unknown_method: 'This version of Reskontra cannot do that.',
  },
  languages: {
    en: 'English',
    sv: 'Svenska',
    nl: 'Nederlands',
    fi: 'Suomi',
  },
};

export type Messages = typeof en;
export default en;
