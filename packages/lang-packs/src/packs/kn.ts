import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/kn';

/** Kannada: one of Okapi's 26 languages (low resource). */
export const kannada: LanguagePack = {
  code: 'kn',
  name: 'Kannada',
  nativeName: 'ಕನ್ನಡ',
  scripts: ['Knda'],
  resourceLevel: 'low',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu'],
  prompt: {
    preambleWithInput:
      'ಕೆಳಗೆ ಒಂದು ಕಾರ್ಯವನ್ನು ವಿವರಿಸುವ ಸೂಚನೆಯನ್ನು ನೀಡಲಾಗಿದೆ, ಜೊತೆಗೆ ಹೆಚ್ಚಿನ ಸಂದರ್ಭವನ್ನು ಒದಗಿಸುವ ಇನ್\u200cಪುಟ್ ಕೂಡ ಇದೆ. ವಿನಂತಿಯನ್ನು ಸೂಕ್ತವಾಗಿ ಪೂರ್ಣಗೊಳಿಸುವ ಉತ್ತರವನ್ನು ಬರೆಯಿರಿ.',
    preambleWithoutInput:
      'ಕೆಳಗೆ ಒಂದು ಕಾರ್ಯವನ್ನು ವಿವರಿಸುವ ಸೂಚನೆಯನ್ನು ನೀಡಲಾಗಿದೆ. ವಿನಂತಿಯನ್ನು ಸೂಕ್ತವಾಗಿ ಪೂರ್ಣಗೊಳಿಸುವ ಉತ್ತರವನ್ನು ಬರೆಯಿರಿ.',
    instruction: 'ಸೂಚನೆ',
    input: 'ಇನ್\u200cಪುಟ್',
    response: 'ಉತ್ತರ',
  },
  // NFC only: virama sequences and zero-width (non-)joiners are meaningful and left intact
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'ಬೆಂಗಳೂರು ಕರ್ನಾಟಕದ ರಾಜಧಾನಿ.',
    'ನಾಳೆ ಬೆಳಿಗ್ಗೆ ನಾವು ಸ್ನೇಹಿತರೊಂದಿಗೆ ಬೆಟ್ಟಕ್ಕೆ ಹೋಗುತ್ತೇವೆ.',
    'ಪ್ರತಿದಿನ ಪುಸ್ತಕ ಓದುವುದರಿಂದ ಜ್ಞಾನ ಹೆಚ್ಚುತ್ತದೆ.',
  ],
};
