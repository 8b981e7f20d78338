/** A training algorithm (sft, rm, ppo, dpo). (Completed by the trainers work.) */
export interface TrainerDescriptor {
  readonly id: string;
  readonly summary: string;
}
