import type { DemoTask } from '../demo-task';
import { distinctNumbers, formatNumbers, offByOne, parseNumbers, scoreSingleNumber } from './number-lists';

/** "Which number is the largest?" 12 57 33 → 57 */
export const maxTask: DemoTask = {
  id: 'max',
  instructions: {
    en: 'Which number is the largest?',
    ru: 'Какое число самое большое?',
    de: 'Welche Zahl ist die größte?',
    zh: '哪个数字最大？',
    fr: 'Quel est le plus grand nombre ?',
    es: '¿Cuál es el número más grande?',
    it: 'Qual è il numero più grande?',
    nl: 'Welk getal is het grootst?',
    vi: 'Số nào lớn nhất?',
    id: 'Bilangan mana yang terbesar?',
    ar: 'ما هو أكبر عدد؟',
    hu: 'Melyik a legnagyobb szám?',
    ro: 'Care este cel mai mare număr?',
    da: 'Hvilket tal er størst?',
    sk: 'Ktoré číslo je najväčšie?',
    uk: 'Яке число найбільше?',
    ca: 'Quin és el nombre més gran?',
    sr: 'Који је број највећи?',
    hr: 'Koji je broj najveći?',
    hi: 'सबसे बड़ी संख्या कौन सी है?',
    bn: 'কোন সংখ্যাটি সবচেয়ে বড়?',
    ta: 'எந்த எண் மிகப் பெரியது?',
    ne: 'सबैभन्दा ठूलो संख्या कुन हो?',
    ml: 'ഏറ്റവും വലിയ സംഖ്യ ഏതാണ്?',
    mr: 'सर्वात मोठी संख्या कोणती?',
    te: 'ఏ సంఖ్య అతి పెద్దది?',
    kn: 'ಯಾವ ಸಂಖ್ಯೆ ಅತ್ಯಂತ ದೊಡ್ಡದು?',
  },
  make(rng) {
    const values = distinctNumbers(rng, rng.intBetween(3, 5));
    return { input: formatNumbers(values), answer: String(Math.max(...values)) };
  },
  wrongAnswers(problem, rng) {
    const values = parseNumbers(problem.input)!;
    return [String(offByOne(Math.max(...values), rng)), String(Math.min(...values)), problem.input];
  },
  score(input, response) {
    return scoreSingleNumber(Math.max(...(parseNumbers(input) ?? [0])), response);
  },
};
