// The MoveHolds contract on SQLite.
import { openDatabase } from '../../src/store/db';
import { SqliteMoveHolds } from '../../src/store/holds-sqlite';
import { moveHoldsContract } from './contract/move-holds';

moveHoldsContract(async () => {
  const db = openDatabase(':memory:');
  return { holds: new SqliteMoveHolds(db), close: async () => void db.close() };
});
