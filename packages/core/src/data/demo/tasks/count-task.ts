import type { DemoTask } from '../demo-task';
import { formatNumbers, offByOne, parseNumbers, scoreSingleNumber } from './number-lists';

/** "How many numbers are in the list?" 4 4 7 1 → 4 */
export const countTask: DemoTask = {
  id: 'count',
  instructions: {
    en: 'How many numbers are in the list?',
    ru: 'Сколько чисел в списке?',
    de: 'Wie viele Zahlen enthält die Liste?',
    zh: '列表中有多少个数字？',
    fr: 'Combien de nombres contient la liste ?',
    es: '¿Cuántos números hay en la lista?',
    it: "Quanti numeri ci sono nell'elenco?",
    nl: 'Hoeveel getallen staan er in de lijst?',
    vi: 'Có bao nhiêu số trong danh sách?',
    id: 'Berapa banyak bilangan dalam daftar?',
    ar: 'كم عددًا في القائمة؟',
    hu: 'Hány szám van a listában?',
    ro: 'Câte numere sunt în listă?',
    da: 'Hvor mange tal er der på listen?',
    sk: 'Koľko čísel je v zozname?',
    uk: 'Скільки чисел у списку?',
    ca: 'Quants nombres hi ha a la llista?',
    sr: 'Колико бројева има на листи?',
    hr: 'Koliko je brojeva na popisu?',
    hi: 'सूची में कितनी संख्याएँ हैं?',
    bn: 'তালিকায় কয়টি সংখ্যা আছে?',
    ta: 'பட்டியலில் எத்தனை எண்கள் உள்ளன?',
    ne: 'सूचीमा कतिवटा संख्याहरू छन्?',
    ml: 'പട്ടികയിൽ എത്ര സംഖ്യകളുണ്ട്?',
    mr: 'यादीत किती संख्या आहेत?',
    te: 'జాబితాలో ఎన్ని సంఖ్యలు ఉన్నాయి?',
    kn: 'ಪಟ್ಟಿಯಲ್ಲಿ ಎಷ್ಟು ಸಂಖ್ಯೆಗಳಿವೆ?',
  },
  make(rng) {
    const values = Array.from({ length: rng.intBetween(2, 9) }, () => rng.int(10));
    return { input: formatNumbers(values), answer: String(values.length) };
  },
  wrongAnswers(problem, rng) {
    const count = Number(problem.answer);
    return [String(offByOne(count, rng)), String(count + rng.intBetween(3, 6)), problem.input];
  },
  score(input, response) {
    return scoreSingleNumber(parseNumbers(input)?.length ?? 0, response);
  },
};
