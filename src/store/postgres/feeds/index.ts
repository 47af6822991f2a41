// FeedStore on PostgreSQL, for several Herald processes on one database, one store per table group: a
// feed is polled by one process at a time (a poll lease with its holder), the outbox is drained with
// SELECT … FOR UPDATE SKIP LOCKED reservations, a folder file's change is recorded (and announced) by
// the one process whose upsert changed the row. Reservations and leases of a process that is gone are
// taken over at once.
import type pg from 'pg';
import type { FeedStore } from '../../../feeds/store';
import { PgFeedList } from './feeds';
import { PgFeedItems } from './items';
import { PgFolderFiles } from './folder-files';
import { PgWatches } from './watches';
import { PgOutbox } from './outbox';
import { PgChannelWebhooks } from './webhooks';

export class PgFeedStore implements FeedStore {
  readonly feeds: PgFeedList;
  readonly items: PgFeedItems;
  readonly folderFiles: PgFolderFiles;
  readonly watches: PgWatches;
  readonly outbox: PgOutbox;
  readonly webhooks: PgChannelWebhooks;

  constructor(pool: pg.Pool, owner: number) {
    this.outbox = new PgOutbox(pool, owner);
    this.feeds = new PgFeedList(pool, owner);
    this.items = new PgFeedItems(pool, this.outbox);
    this.folderFiles = new PgFolderFiles(pool, this.outbox);
    this.watches = new PgWatches(pool);
    this.webhooks = new PgChannelWebhooks(pool);
  }
}
