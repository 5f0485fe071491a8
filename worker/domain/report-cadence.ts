// How often each audience of a fiscal year receives its monitoring report. The announcement
// states it (item 3.9 of the Phichit document: twice a month for executives and group directors,
// monthly for all staff); offices vary it, and administrators may change it per fiscal year.
//
// Audiences: 'executive' = executives and group directors; 'staff' = all staff.
// Cadences:
//   'twice-monthly' half-months 1st–15th and 16th–end of month
//   'monthly'       calendar months
//   'quarterly'     fiscal quarters (Oct–Dec, Jan–Mar, Apr–Jun, Jul–Sep)
//   'half-yearly'   at 6 and 12 months: 1 Oct – 31 Mar, then the whole fiscal year (1 Oct – 30 Sep)
export const CADENCES = ['twice-monthly', 'monthly', 'quarterly', 'half-yearly'] as const;
export type Cadence = (typeof CADENCES)[number];

export const REPORT_AUDIENCES = ['executive', 'staff'] as const;
export type ReportAudience = (typeof REPORT_AUDIENCES)[number];

export type ReportSchedule = Record<ReportAudience, Cadence>;

/** The seed document's rhythm, applied when an announcement states none. */
export const DEFAULT_SCHEDULE: ReportSchedule = { executive: 'twice-monthly', staff: 'monthly' };
