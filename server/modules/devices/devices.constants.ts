/** The devices module's vocabulary, free of dependencies: the web reads it through contract.ts. */

/**
 * Who may do what: the roles whose grant on a place allows it over the place's subtree. Movement records (who came
 * and went) are for the compound's property staff and the street only (issue 26 §6), and every read of them is
 * audited; occupancy and the car park's figures are not personal and show to the community too.
 */
export const DEVICES_ROLES = {
  /** Register, disable and re-key devices; the street's retention period. */
  manageDevices: ['platform_admin', 'street_official', 'property_manager'],
  /** See the devices of a compound and their state (online, last seen). */
  readDevices: ['platform_admin', 'street_official', 'property_manager', 'property_staff', 'community_secretary', 'committee_staff'],
  /** Entry and exit records: who (card, pass, plate) came and went. */
  readMovements: ['street_official', 'property_manager', 'property_staff'],
  /** Residents' vehicles and cards: review a vehicle, issue or revoke a card; see visitor passes. */
  reviewVehicles: ['property_manager', 'property_staff'],
  /** See residents' vehicles and visitor passes (the street supervises). */
  readVehicles: ['street_official', 'property_manager', 'property_staff'],
  /** Live occupancy and the car park. */
  readParking: ['platform_admin', 'street_official', 'property_manager', 'property_staff', 'community_secretary', 'committee_staff'],
  /** Spaces, the tariff of temporary parking, fees of sessions. */
  manageParking: ['street_official', 'property_manager', 'property_staff'],
  /** Alert rules for a place. */
  manageAlertRules: ['street_official', 'property_manager'],
  /** Alerts: see and handle (the duty staff). */
  handleAlerts: ['street_official', 'property_manager', 'property_staff'],
} as const;

export const DEVICE_KINDS = ['gate', 'barrier', 'parking_sensor', 'counter'] as const;
export const RETENTION_DAYS_DEFAULT = 30;
export const RETENTION_DAYS_MAX = 365;
/** Requests a device may make, per second (a gate takes a few a minute; the limit stops a runaway or a flood). */
export const DEVICE_RATE_PER_SECOND = 50;
/** A device silent this long is shown offline (and the gate-offline rule's default). */
export const DEVICE_OFFLINE_MINUTES = 10;
