/** One evaluation task (e.g. m_ARC), available in some languages. (Completed by the evaluation work.) */
export interface EvalTaskDescriptor {
  readonly id: string;
  readonly summary: string;
}
