import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { QueueId } from '../../../shared/api/queues';
import { SORTABLE_COLUMNS, type QueueQuery } from '../../../shared/api/schemas';
import type { AppError } from '../../../shared/errors';
import { client } from '../api';

export type QueueFilter = NonNullable<QueueQuery['filter']>;
type SortItem = NonNullable<QueueQuery['sort']>[number];

const SORTABLE: readonly string[] = SORTABLE_COLUMNS;
/** The contract accepts at most three sort keys. */
const MAX_SORT = 3;

function toSort(model: IGetRowsParams['sortModel']): SortItem[] {
  return model
    .filter((item) => SORTABLE.includes(item.colId))
    .slice(0, MAX_SORT)
    .map((item) => ({ colId: item.colId as SortItem['colId'], sort: item.sort }));
}

export interface QueueDatasourceHooks {
  /** Read at every block request, so a filter change plus a cache purge is all a refresh needs. */
  filter(): QueueFilter;
  onLoaded(total: number): void;
  onError(error: AppError): void;
}

/** AG Grid infinite row model → 'queue:list' (host sorts, filters and pages). */
export function createQueueDatasource(queue: QueueId, hooks: QueueDatasourceHooks): IDatasource {
  return {
    getRows(params) {
      void client
        .call('queue:list', {
          queue,
          startRow: params.startRow,
          endRow: params.endRow,
          sort: toSort(params.sortModel),
          filter: hooks.filter(),
        })
        .then((result) => {
          if (!result.ok) {
            hooks.onError(result.error);
            params.failCallback();
            return;
          }
          hooks.onLoaded(result.value.total);
          params.successCallback(result.value.rows, result.value.total);
        });
    },
  };
}
