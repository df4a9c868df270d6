// Versioned migrations, applied in name order. Add a file, never edit a released one.
import type { Migration, MigrationProvider } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { init } from './0001-init.js';
import { sync } from './0002-sync.js';
import { events } from './0003-events.js';
import { dataOfRecord } from './0004-data-of-record.js';
import { models } from './0005-models.js';
import { prices } from './0006-prices.js';
import { syncAttempts } from './0007-sync-attempts.js';
import { companyPages } from './0008-company-pages.js';
import { storeGeneration } from './0009-store-generation.js';

export function migrationProvider(dialect: StoreDialect): MigrationProvider {
  return {
    async getMigrations(): Promise<Record<string, Migration>> {
      return {
        '0001-init': init(dialect),
        '0002-sync': sync(dialect),
        '0003-events': events(dialect),
        '0004-data-of-record': dataOfRecord(dialect),
        '0005-models': models(dialect),
        '0006-prices': prices(dialect),
        '0007-sync-attempts': syncAttempts(dialect),
        '0008-company-pages': companyPages(dialect),
        '0009-store-generation': storeGeneration(dialect),
      };
    },
  };
}
