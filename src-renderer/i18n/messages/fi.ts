import type { Messages } from './en';

const fi: Messages = {
  app: {
    name: 'Reskontra',
    tagline: 'Myyntisaamisesi yhdessä reskontrassa',
    skipToContent: 'Siirry sisältöön',
    mainNavigation: 'Päävalikko',
  },
  nav: {
    dashboard: 'Yleiskatsaus',
    invoices: 'Laskut',
    events: 'Tapahtumat',
    cases: 'Perintäasiat',
    connections: 'Yhteydet',
    settings: 'Asetukset',
  },
  dashboard: {
    title: 'Yleiskatsaus',
    intro: 'Mitä sinulle ollaan velkaa, mikä on myöhässä, mitä rahoitus maksoi ja mikä on perinnässä.',
    emptyTitle: 'Mitään ei ole vielä synkronoitu',
    emptyBody: 'Yhdistä Vettig, Flowtly, Confirma Finance tai Aptic nähdäksesi myyntisaamisesi tässä.',
    emptyAction: 'Siirry yhteyksiin',
  },
  invoices: {
    title: 'Laskut',
    intro: 'Jokainen lasku jokaisesta yhteydestä yhdessä listassa.',
    emptyTitle: 'Ei vielä laskuja',
    emptyBody: 'Laskut näkyvät tässä yhteyden ensimmäisen synkronoinnin jälkeen.',
  },
  events: {
    title: 'Factoring-tapahtumat',
    intro: 'Rahoitus, maksut, tilitykset ja takaisinveloitukset sellaisina kuin rahoitusyhtiö ne kirjasi.',
    emptyTitle: 'Ei vielä factoring-tapahtumia',
    emptyBody: 'Tapahtumat näkyvät tässä, kun Vettig-yhteys on synkronoitu.',
  },
  cases: {
    title: 'Perintäasiat',
    intro: 'Maksuvalvontaan ja perintään siirretyt laskut ja niiden avoin saldo.',
    emptyTitle: 'Ei perintäasioita',
    emptyBody: 'Perintäasiat näkyvät tässä, kun Confirma Finance -yhteys on synkronoitu.',
  },
  connections: {
    title: 'Yhteydet',
    intro: 'Palvelut, joista Reskontra lukee myyntisaamisesi. Tunnukset pysyvät järjestelmän avainnipussa.',
    emptyTitle: 'Ei vielä yhteyksiä',
    emptyBody: 'Lisää yhteys palveluun aloittaaksesi synkronoinnin.',
  },
  settings: {
    title: 'Asetukset',
    languageSection: 'Kieli ja muotoilu',
    language: 'Kieli',
    languageHelp: 'Päivämäärät ja summat noudattavat valitsemaasi kieltä.',
    about: 'Tietoja',
    version: 'Versio',
    transport: 'Käynnissä',
    transportElectron: 'Työpöytäsovelluksena',
    transportBrowser: 'Selaintilassa',
    dataFolder: 'Tietokansio',
    loading: 'Ladataan…',
    loadFailed: 'Sovelluksen tietoja ei voitu lukea: {message}',
  },
  errors: {
    unauthorized: 'Ikkuna avattiin ilman Reskontran käynnistyslinkkiä. Avaa osoite, jonka Reskontra tulosti käynnistyessään.',
    forbidden: 'Reskontra hylkäsi pyynnön, joka ei tullut sen omasta ikkunasta.',
    offline: 'Reskontran taustaprosessi ei vastaa. Käynnistä Reskontra uudelleen.',
    internal: 'Reskontrassa tapahtui virhe. Mitään tietojasi ei muutettu.',
    payload_too_large: 'Tietoa on liikaa lähetettäväksi kerralla.',
    unknown_method: 'Tämä Reskontran versio ei osaa tehdä sitä.',
  },
  languages: {
    en: 'English',
    sv: 'Svenska',
    nl: 'Nederlands',
    fi: 'Suomi',
  },
};

export default fi;
