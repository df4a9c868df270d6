// POST /api/v1/admin/reload: re-runs the bundled data load (replacing what it loaded before)
// and drops cached pages and charts (the store generation would drop them too; this frees the
// memory at once). The only endpoint that writes; guarded by admin-auth.
import { ensureBundledData } from '../../ingest/bundled-data.js';
import type { ServerContext } from '../server-context.js';

export function adminReloadHandler(ctx: ServerContext) {
  return async () => {
    const result = await ensureBundledData(ctx.store, { force: true });
    ctx.charts.clear();
    ctx.memo.clear();
    ctx.responses.clear();
    return result;
  };
}
