/** The lending part's vocabulary (free of dependencies: the web reads it through contract.ts). */
export const LOAN_STATUSES = ['requested', 'declined', 'cancelled', 'lent', 'returned'] as const;
/** The workbench's status filter: a loan's status, or `overdue` (lent and past its due day). */
export const LOAN_FILTERS = [...LOAN_STATUSES, 'overdue'] as const;
export const LENDING_KINDS = ['tool', 'book'] as const;
export const LOAN_STATUS_ZH: Record<(typeof LOAN_STATUSES)[number], string> = {
  requested: '待同意',
  declined: '已婉拒',
  cancelled: '已取消',
  lent: '借出中',
  returned: '已归还',
};
