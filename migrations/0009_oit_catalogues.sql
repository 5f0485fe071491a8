CREATE TABLE `oit_catalogue_years` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`be_year` integer NOT NULL,
	`catalogue_id` text NOT NULL,
	`crosswalk` text DEFAULT '[]' NOT NULL,
	`applied_by` text,
	`applied_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`catalogue_id`) REFERENCES `oit_catalogues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applied_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oit_catalogue_years_org_year` ON `oit_catalogue_years` (`org_id`,`be_year`);--> statement-breakpoint
CREATE TABLE `oit_catalogues` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`name` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`items` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oit_catalogues_org_name` ON `oit_catalogues` (`org_id`,`name`);
