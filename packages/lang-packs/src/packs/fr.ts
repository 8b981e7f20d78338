import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/fr';

/** French: one of Okapi's 26 languages (high resource). */
export const french: LanguagePack = {
  code: 'fr',
  name: 'French',
  nativeName: 'Français',
  scripts: ['Latn'],
  resourceLevel: 'high',
  okapiModels: ['bloom', 'llama'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'Voici une instruction qui décrit une tâche, accompagnée d\'une entrée qui fournit un contexte supplémentaire. Rédigez une réponse qui complète la demande de manière appropriée.',
    preambleWithoutInput:
      'Voici une instruction qui décrit une tâche. Rédigez une réponse qui complète la demande de manière appropriée.',
    instruction: 'Instruction',
    input: 'Entrée',
    response: 'Réponse',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Paris est la capitale de la France et l\'une des villes les plus visitées du monde.',
    'Nous avons passé une excellente soirée avec nos amis au bord de la mer.',
    'Il faut boire beaucoup d\'eau quand il fait chaud.',
  ],
};
