/** Reads one dataset format into typed records. (Contract is completed by the datasets work.) */
export interface DatasetAdapter {
  readonly id: string;
  readonly summary: string;
}
