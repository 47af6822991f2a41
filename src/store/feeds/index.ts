// FeedStore on better-sqlite3 (one process): one store per table group, all on one database. Rows
// read back are checked with zod and mapped to camelCase at the border (../feed-rows.ts). Every method
// is synchronous underneath; the async signatures are the feature's interface.
import type { Db } from '../db';
import type { FeedStore } from '../../feeds/store';
import { SqliteFeedList } from './feeds';
import { SqliteFeedItems } from './items';
import { SqliteFolderFiles } from './folder-files';
import { SqliteWatches } from './watches';
import { SqliteOutbox } from './outbox';
import { SqliteChannelWebhooks } from './webhooks';

export class SqliteFeedStore implements FeedStore {
  readonly feeds: SqliteFeedList;
  readonly items: SqliteFeedItems;
  readonly folderFiles: SqliteFolderFiles;
  readonly watches: SqliteWatches;
  readonly outbox: SqliteOutbox;
  readonly webhooks: SqliteChannelWebhooks;

  constructor(db: Db) {
    this.outbox = new SqliteOutbox(db);
    this.feeds = new SqliteFeedList(db);
    this.items = new SqliteFeedItems(db, this.outbox);
    this.folderFiles = new SqliteFolderFiles(db, this.outbox);
    this.watches = new SqliteWatches(db);
    this.webhooks = new SqliteChannelWebhooks(db);
  }
}
