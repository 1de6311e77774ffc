/** The gates part's vocabulary (free of dependencies: the web reads it through contract.ts). */

/** How a device kind reads in Chinese (the registry's table, its export). */
export const DEVICE_KIND_ZH = { gate: '人行闸机', barrier: '车辆道闸', parking_sensor: '车位传感器', counter: '车流计数' } as const;
/** What the platform made of a person or vehicle at a gate, in Chinese (records, export). */
export const RESULT_ZH = { resident: '住户', visitor: '访客', unknown: '未登记', refused: '拒绝' } as const;
export const DIRECTION_ZH = { in: '进', out: '出' } as const;
/** Movement records are persons' and vehicles' events only (sensors and counters say nothing of anyone). */
export const MOVEMENT_KINDS = ['person', 'vehicle'] as const;
export const MOVEMENT_RESULTS = ['resident', 'visitor', 'unknown', 'refused'] as const;
/** Rows an xlsx export holds at most. */
export const EXPORT_MAX_ROWS = 5000;
/** Events the retention job deletes per statement (a big backlog goes in several short transactions). */
export const PURGE_BATCH = 5000;
export const DEVICE_NAME_MAX = 60;
export const DEVICE_LOCATION_MAX = 100;
export const DISABLE_REASON_MAX = 200;
