import type { DemoTask } from '../demo-task';
import { distinctNumbers, formatNumbers, parseNumbers, scoreList, swapNeighbours } from './number-lists';

/** "Write the numbers in reverse order." 3 8 1 → 1 8 3 */
export const reverseTask: DemoTask = {
  id: 'reverse',
  instructions: {
    en: 'Write the numbers in reverse order.',
    ru: 'Запишите числа в обратном порядке.',
    de: 'Schreibe die Zahlen in umgekehrter Reihenfolge.',
    zh: '按相反的顺序写出这些数字。',
    fr: "Écrivez les nombres dans l'ordre inverse.",
    es: 'Escribe los números en orden inverso.',
    it: 'Scrivi i numeri in ordine inverso.',
    nl: 'Schrijf de getallen in omgekeerde volgorde.',
    vi: 'Viết các số theo thứ tự ngược lại.',
    id: 'Tulis bilangan-bilangan itu dalam urutan terbalik.',
    ar: 'اكتب الأعداد بترتيب معكوس.',
    hu: 'Írd le a számokat fordított sorrendben.',
    ro: 'Scrie numerele în ordine inversă.',
    da: 'Skriv tallene i omvendt rækkefølge.',
    sk: 'Napíš čísla v opačnom poradí.',
    uk: 'Запишіть числа у зворотному порядку.',
    ca: 'Escriu els nombres en ordre invers.',
    sr: 'Напишите бројеве обрнутим редоследом.',
    hr: 'Napišite brojeve obrnutim redoslijedom.',
    hi: 'संख्याओं को उल्टे क्रम में लिखें।',
    bn: 'সংখ্যাগুলো উল্টো ক্রমে লিখুন।',
    ta: 'எண்களை தலைகீழ் வரிசையில் எழுதவும்.',
    ne: 'संख्याहरूलाई उल्टो क्रममा लेख्नुहोस्।',
    ml: 'സംഖ്യകൾ വിപരീത ക്രമത്തിൽ എഴുതുക.',
    mr: 'संख्या उलट क्रमाने लिहा.',
    te: 'సంఖ్యలను తిరుగు క్రమంలో రాయండి.',
    kn: 'ಸಂಖ್ಯೆಗಳನ್ನು ಹಿಮ್ಮುಖ ಕ್ರಮದಲ್ಲಿ ಬರೆಯಿರಿ.',
  },
  make(rng) {
    // 4+ numbers: with 3 the unchanged input scores as well as a near miss (the middle stays put)
    const values = distinctNumbers(rng, rng.intBetween(4, 6));
    return { input: formatNumbers(values), answer: formatNumbers([...values].reverse()) };
  },
  wrongAnswers(problem, rng) {
    const reversed = parseNumbers(problem.answer)!;
    return [formatNumbers(swapNeighbours(reversed, rng)), problem.input, formatNumbers(reversed.slice(0, -1))];
  },
  score(input, response) {
    return scoreList([...(parseNumbers(input) ?? [])].reverse(), response);
  },
};
