import type { LanguagePack } from '@okapi/core';
import { profile } from '../profiles/id';

/** Indonesian: one of Okapi's 26 languages (medium resource). */
export const indonesian: LanguagePack = {
  code: 'id',
  name: 'Indonesian',
  nativeName: 'Bahasa Indonesia',
  scripts: ['Latn'],
  resourceLevel: 'medium',
  okapiModels: ['bloom'],
  evalTasks: ['arc', 'hellaswag', 'mmlu', 'xcopa'],
  prompt: {
    preambleWithInput:
      'Berikut adalah instruksi yang menjelaskan sebuah tugas, disertai masukan yang memberikan konteks tambahan. Tulislah tanggapan yang menyelesaikan permintaan tersebut dengan tepat.',
    preambleWithoutInput:
      'Berikut adalah instruksi yang menjelaskan sebuah tugas. Tulislah tanggapan yang menyelesaikan permintaan tersebut dengan tepat.',
    instruction: 'Instruksi',
    input: 'Masukan',
    response: 'Tanggapan',
  },
  normalization: { form: 'NFC' },
  detection: { profile },
  samples: [
    'Jakarta adalah ibu kota Indonesia dan kota terbesar di negara ini.',
    'Besok pagi kami akan pergi ke pasar untuk membeli sayuran.',
    'Membaca buku setiap hari dapat menambah wawasan kita.',
  ],
};
