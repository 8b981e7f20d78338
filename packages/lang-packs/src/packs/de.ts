import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/de';

/** German: one of Okapi's 26 languages (high resource). */
export const german: LanguagePack = {
  code: 'de',
  name: 'German',
  nativeName: 'Deutsch',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Nachfolgend findest du eine Anweisung, die eine Aufgabe beschreibt, zusammen mit einer Eingabe, die weiteren Kontext liefert. Schreibe eine Antwort, die die Anfrage angemessen erfüllt.',
    preambleWithoutInput:
      'Nachfolgend findest du eine Anweisung, die eine Aufgabe beschreibt. Schreibe eine Antwort, die die Anfrage angemessen erfüllt.',
    instruction: 'Anweisung',
    input: 'Eingabe',
    response: 'Antwort',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Berlin ist die Hauptstadt Deutschlands und hat ungefähr dreieinhalb Millionen Einwohner.',
    'Wir haben gestern Abend zusammen gekocht und danach einen Film gesehen.',
    'Regelmäßige Bewegung ist wichtig für die Gesundheit.',
  ],
};
