/** The 31 language codes of the Okapi evaluation data (m_ARC, m_HellaSwag, m_MMLU): the 26 plus eu gu hy pt sv. */
export const okapiEvalLanguages: readonly string[] = 'ar bn ca da de es eu fr gu hi hr hu hy id it kn ml mr ne nl pt ro ru sk sr sv ta te uk vi zh'.split(' ');

export const okapiDataSource =
  'The Okapi evaluation data (m_arc, m_hellaswag, m_mmlu) comes with https://github.com/nlp-uoregon/mlmm-evaluation: ' +
  'run its `bash scripts/download.sh` and point --data-dir at the folder holding m_arc/, m_hellaswag/ and m_mmlu/ (CC BY-NC 4.0, research use only).';
