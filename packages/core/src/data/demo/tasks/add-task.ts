import type { DemoTask } from '../demo-task';
import { formatNumbers, offByOne, parseNumbers, scoreSingleNumber } from './number-lists';

/** "Add the two numbers." 17 25 → 42 */
export const addTask: DemoTask = {
  id: 'add',
  instructions: {
    en: 'Add the two numbers.',
    ru: 'Сложите два числа.',
    de: 'Addiere die beiden Zahlen.',
    zh: '把这两个数相加。',
    fr: 'Additionnez les deux nombres.',
    es: 'Suma los dos números.',
    it: 'Somma i due numeri.',
    nl: 'Tel de twee getallen op.',
    vi: 'Cộng hai số sau.',
    id: 'Jumlahkan kedua bilangan itu.',
    ar: 'اجمع العددين.',
    hu: 'Add össze a két számot.',
    ro: 'Adună cele două numere.',
    da: 'Læg de to tal sammen.',
    sk: 'Sčítaj tieto dve čísla.',
    uk: 'Додайте два числа.',
    ca: 'Suma els dos nombres.',
    sr: 'Саберите два броја.',
    hr: 'Zbrojite dva broja.',
    hi: 'दोनों संख्याओं को जोड़ें।',
    bn: 'দুটি সংখ্যা যোগ করুন।',
    ta: 'இரண்டு எண்களையும் கூட்டவும்.',
    ne: 'दुई संख्याहरू जोड्नुहोस्।',
    ml: 'രണ്ട് സംഖ്യകളും കൂട്ടുക.',
    mr: 'दोन संख्यांची बेरीज करा.',
    te: 'రెండు సంఖ్యలను కూడండి.',
    kn: 'ಎರಡು ಸಂಖ್ಯೆಗಳನ್ನು ಕೂಡಿಸಿ.',
  },
  make(rng) {
    const a = rng.int(50);
    const b = rng.int(50);
    return { input: formatNumbers([a, b]), answer: String(a + b) };
  },
  wrongAnswers(problem, rng) {
    const sum = Number(problem.answer);
    return [String(offByOne(sum, rng)), String(sum + rng.intBetween(5, 15)), problem.input];
  },
  score(input, response) {
    const [a, b] = parseNumbers(input) ?? [];
    return scoreSingleNumber((a ?? 0) + (b ?? 0), response);
  },
};
