// What every SQLite feed store shares: its statements, each prepared once on first use (keyed by its
// text: the few built ones come in a few shapes), and transactions that join the caller's when one is
// open (the outbox queues inside the items' and folder files' transactions).
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

export abstract class SqliteTable {
  private readonly statements = new Map<string, Statement>();

  constructor(protected readonly db: Db) {}

  protected sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  protected tx<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }
}
