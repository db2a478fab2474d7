// Hand-made order on the priority board: each moved issue's rank key in its customer's lane, who moved it and
// when, and the key it had before (so the move can be taken back).
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { entities, keys } from './keys';

const person = z.object({ accountId: z.string(), displayName: z.string() });
const rankSchema = z.object({
  issueId: z.string(),
  rankKey: z.string(),
  movedBy: person,
  /** ISO 8601. */
  movedAt: z.string(),
  /**
   * The place before this move, with who set it and when (an undo restores all three); null when it had none
   * (placed by its score). A bare key is a place stored before movers were kept with it.
   */
  previous: z.union([z.string(), z.object({ rankKey: z.string(), movedBy: person, movedAt: z.string() })]).nullable(),
});
export type BoardRank = z.infer<typeof rankSchema>;

interface EntityValue {
  customerKey: string;
  issueId: string;
  rankKey: string;
  data: BoardRank;
}

export interface BoardRankStore {
  ranksOf(customerKey: string): Promise<BoardRank[]>;
  /** Writes the ranks of one move together: all or none. */
  save(customerKey: string, ranks: BoardRank[]): Promise<void>;
  remove(customerKey: string, issueIds: readonly string[]): Promise<void>;
}

export function createBoardRankStore(): BoardRankStore {
  return {
    async ranksOf(customerKey) {
      const out: BoardRank[] = [];
      let cursor: string | undefined;
      do {
        let query = kvs.entity<EntityValue>(entities.boardRank).query().index('by-customer', { partition: [customerKey] }).limit(100);
        if (cursor) query = query.cursor(cursor);
        const page = await query.getMany();
        for (const r of page.results) {
          const parsed = rankSchema.safeParse(r.value.data);
          // A malformed rank is dropped: the issue falls back to its score's place.
          if (parsed.success) out.push(parsed.data);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },
    async save(customerKey, ranks) {
      for (let i = 0; i < ranks.length; i += 25) {
        let tx = kvs.transact();
        for (const rank of ranks.slice(i, i + 25)) {
          const value: EntityValue = { customerKey, issueId: rank.issueId, rankKey: rank.rankKey, data: rankSchema.parse(rank) };
          tx = tx.set(keys.boardRank(customerKey, rank.issueId), value, { entityName: entities.boardRank });
        }
        await tx.execute();
      }
    },
    async remove(customerKey, issueIds) {
      for (const issueId of issueIds) await kvs.entity(entities.boardRank).delete(keys.boardRank(customerKey, issueId));
    },
  };
}
