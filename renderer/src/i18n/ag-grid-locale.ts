import type { Lang } from './I18nProvider';

/** AG Grid's own texts that this UI can show (loading blocks, empty grid, sort menu, aria labels). */
const ZH: Record<string, string> = {
  loadingOoo: '加载中…',
  loadingError: '加载失败',
  noRowsToShow: '没有符合条件的记录',
  sortAscending: '升序',
  sortDescending: '降序',
  sortUnSort: '取消排序',
  ariaRowSelect: '按空格键选择此行',
  ariaRowDeselect: '按空格键取消选择此行',
  ariaSortableColumn: '按回车键排序',
  ariaColumn: '列',
  ariaRow: '行',
  ariaRowIndex: '行号',
  ariaLabelCellEditor: '编辑',
  ariaLabelLoadingContextMenu: '加载菜单',
};

export function agGridLocaleText(lang: Lang): Record<string, string> {
  // English is AG Grid's built-in default, so no table is needed.
  return lang === 'zh-CN' ? ZH : {};
}
