/** A source of scalar rewards for (prompt, response) pairs. (Completed by the trainers work.) */
export interface RewardModelDescriptor {
  readonly id: string;
  readonly summary: string;
}
