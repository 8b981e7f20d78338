import type { Rng } from '../../../util/rng';
import type { DemoTask } from '../demo-task';

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'da', 'pe', 'ro', 'zu', 'ba', 'fi', 'go', 'he'];

/** A pronounceable Latin word of 2–3 syllables: an unlimited supply of fresh inputs. */
function pseudoWord(rng: Rng): string {
  return Array.from({ length: rng.intBetween(2, 3) }, () => rng.pick(SYLLABLES)).join('');
}

/** Exactly right → 1; same length → 0.9 × share of characters right (case-sensitive); else 0. */
function scoreWord(expected: string, response: string): number {
  const got = response.trim();
  if (got === expected) return 1;
  if (got.length !== expected.length) return 0;
  let right = 0;
  for (let i = 0; i < got.length; i++) if (got[i] === expected[i]) right++;
  return (0.9 * right) / expected.length;
}

/** "Write the word in capital letters." kalomi → KALOMI (copying with a transformation) */
export const upperTask: DemoTask = {
  id: 'upper',
  instructions: {
    en: 'Write the word in capital letters.',
    ru: 'Напишите слово заглавными буквами.',
    de: 'Schreibe das Wort in Großbuchstaben.',
    zh: '用大写字母写出这个单词。',
    fr: 'Écrivez le mot en majuscules.',
    es: 'Escribe la palabra en mayúsculas.',
    it: 'Scrivi la parola in lettere maiuscole.',
    nl: 'Schrijf het woord in hoofdletters.',
    vi: 'Viết từ này bằng chữ in hoa.',
    id: 'Tulis kata itu dengan huruf kapital.',
    ar: 'اكتب الكلمة بالأحرف الكبيرة.',
    hu: 'Írd le a szót nagybetűkkel.',
    ro: 'Scrie cuvântul cu majuscule.',
    da: 'Skriv ordet med store bogstaver.',
    sk: 'Napíš slovo veľkými písmenami.',
    uk: 'Напишіть слово великими літерами.',
    ca: 'Escriu la paraula en majúscules.',
    sr: 'Напишите реч великим словима.',
    hr: 'Napišite riječ velikim slovima.',
    hi: 'शब्द को बड़े अक्षरों में लिखें।',
    bn: 'শব্দটি বড় হাতের অক্ষরে লিখুন।',
    ta: 'சொல்லை பெரிய எழுத்துகளில் எழுதவும்.',
    ne: 'शब्दलाई ठूला अक्षरमा लेख्नुहोस्।',
    ml: 'വാക്ക് വലിയ അക്ഷരങ്ങളിൽ എഴുതുക.',
    mr: 'शब्द मोठ्या अक्षरांत लिहा.',
    te: 'పదాన్ని పెద్ద అక్షరాలలో రాయండి.',
    kn: 'ಪದವನ್ನು ದೊಡ್ಡ ಅಕ್ಷರಗಳಲ್ಲಿ ಬರೆಯಿರಿ.',
  },
  make(rng) {
    const word = pseudoWord(rng);
    return { input: word, answer: word.toUpperCase() };
  },
  wrongAnswers(problem, rng) {
    const word = problem.input;
    const i = rng.int(word.length);
    const nearMiss = problem.answer.slice(0, i) + word[i] + problem.answer.slice(i + 1);
    const capitalised = word[0]!.toUpperCase() + word.slice(1);
    return [nearMiss, capitalised, [...word].reverse().join('')];
  },
  score(input, response) {
    return scoreWord(input.trim().toUpperCase(), response);
  },
};
