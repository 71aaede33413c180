/** Which of a batch's climbs and layouts exist (read with the batch: ingest/read.ts). */
export interface CatalogueLookup {
  climbs: Map<string, { name: string; grade: string }>;
  layouts: Set<string>;
}
