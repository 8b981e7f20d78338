import type { DemoTask } from '../demo-task';
import { distinctNumbers, formatNumbers, parseNumbers, scoreList, swapNeighbours } from './number-lists';

const ascending = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** "Sort the numbers from smallest to largest." 42 7 19 → 7 19 42 */
export const sortTask: DemoTask = {
  id: 'sort',
  instructions: {
    en: 'Sort the numbers from smallest to largest.',
    ru: 'Отсортируйте числа от меньшего к большему.',
    de: 'Sortiere die Zahlen von der kleinsten zur größten.',
    zh: '将这些数字从小到大排序。',
    fr: 'Triez les nombres du plus petit au plus grand.',
    es: 'Ordena los números de menor a mayor.',
    it: 'Ordina i numeri dal più piccolo al più grande.',
    nl: 'Sorteer de getallen van klein naar groot.',
    vi: 'Sắp xếp các số từ nhỏ đến lớn.',
    id: 'Urutkan bilangan dari yang terkecil ke yang terbesar.',
    ar: 'رتّب الأعداد من الأصغر إلى الأكبر.',
    hu: 'Rendezd a számokat a legkisebbtől a legnagyobbig.',
    ro: 'Sortează numerele de la cel mai mic la cel mai mare.',
    da: 'Sorter tallene fra mindst til størst.',
    sk: 'Zoraď čísla od najmenšieho po najväčšie.',
    uk: 'Відсортуйте числа від найменшого до найбільшого.',
    ca: 'Ordena els nombres de més petit a més gran.',
    sr: 'Поређајте бројеве од најмањег до највећег.',
    hr: 'Poredajte brojeve od najmanjeg do najvećeg.',
    hi: 'संख्याओं को सबसे छोटी से सबसे बड़ी तक क्रम में लगाएँ।',
    bn: 'সংখ্যাগুলো ছোট থেকে বড় ক্রমে সাজান।',
    ta: 'எண்களை சிறியதிலிருந்து பெரியது வரை வரிசைப்படுத்தவும்.',
    ne: 'संख्याहरूलाई सानोदेखि ठूलोसम्म क्रमबद्ध गर्नुहोस्।',
    ml: 'സംഖ്യകളെ ചെറുതിൽ നിന്ന് വലുതിലേക്ക് ക്രമീകരിക്കുക.',
    mr: 'संख्या लहानापासून मोठ्यापर्यंत क्रमाने लावा.',
    te: 'సంఖ్యలను చిన్నది నుండి పెద్దది వరకు క్రమంలో అమర్చండి.',
    kn: 'ಸಂಖ್ಯೆಗಳನ್ನು ಚಿಕ್ಕದರಿಂದ ದೊಡ್ಡದರವರೆಗೆ ಕ್ರಮವಾಗಿ ಜೋಡಿಸಿ.',
  },
  make(rng) {
    const values = distinctNumbers(rng, rng.intBetween(3, 5));
    return { input: formatNumbers(values), answer: formatNumbers(ascending(values)) };
  },
  wrongAnswers(problem, rng) {
    const sorted = parseNumbers(problem.answer)!;
    return [formatNumbers(swapNeighbours(sorted, rng)), problem.input, formatNumbers(sorted.slice(1))];
  },
  score(input, response) {
    return scoreList(ascending(parseNumbers(input) ?? []), response);
  },
};
