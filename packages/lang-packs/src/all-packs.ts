import type { LanguagePack } from '@okapi/core';
import { arabic } from './packs/ar';
import { bengali } from './packs/bn';
import { catalan } from './packs/ca';
import { danish } from './packs/da';
import { german } from './packs/de';
import { english } from './packs/en';
import { spanish } from './packs/es';
import { basque } from './packs/eu';
import { french } from './packs/fr';
import { gujarati } from './packs/gu';
import { hindi } from './packs/hi';
import { croatian } from './packs/hr';
import { hungarian } from './packs/hu';
import { armenian } from './packs/hy';
import { indonesian } from './packs/id';
import { italian } from './packs/it';
import { kannada } from './packs/kn';
import { malayalam } from './packs/ml';
import { marathi } from './packs/mr';
import { nepali } from './packs/ne';
import { dutch } from './packs/nl';
import { portuguese } from './packs/pt';
import { romanian } from './packs/ro';
import { russian } from './packs/ru';
import { slovak } from './packs/sk';
import { serbian } from './packs/sr';
import { swedish } from './packs/sv';
import { tamil } from './packs/ta';
import { telugu } from './packs/te';
import { ukrainian } from './packs/uk';
import { vietnamese } from './packs/vi';
import { chinese } from './packs/zh';

/**
 * The 32 built-in packs, listed explicitly (no directory scanning): Okapi's 26 languages by resource
 * level, English, then the eval-only languages.
 */
export const allPacks: readonly LanguagePack[] = [
  // high
  russian, german, chinese, french, spanish, italian, dutch, vietnamese,
  // medium
  indonesian, arabic, hungarian, romanian, danish, slovak, ukrainian, catalan, serbian, croatian, hindi,
  // low
  bengali, tamil, nepali, malayalam, marathi, telugu, kannada,
  // English (Okapi's SFT data) and the languages Okapi only evaluates
  english, basque, gujarati, armenian, portuguese, swedish,
];
