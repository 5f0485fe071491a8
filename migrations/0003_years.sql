CREATE TABLE `report_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`fiscal_year_id` text NOT NULL,
	`audience` text NOT NULL,
	`cadence` text NOT NULL,
	`effective_from` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fiscal_year_id`) REFERENCES `fiscal_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_schedules_year_audience_from` ON `report_schedules` (`fiscal_year_id`,`audience`,`effective_from`);--> statement-breakpoint
ALTER TABLE `fiscal_years` ADD `archived_at` integer;
