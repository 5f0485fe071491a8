CREATE TABLE `org_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_org_id` text NOT NULL,
	`office_org_id` text NOT NULL,
	`invited_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`accepted_at` integer,
	`declined_at` integer,
	`revoked_at` integer,
	`decided_by` text,
	FOREIGN KEY (`parent_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `org_invitations_office` ON `org_invitations` (`office_org_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `org_invitations_parent` ON `org_invitations` (`parent_org_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `template_adoptions` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`template_id` text NOT NULL,
	`fiscal_year_id` text NOT NULL,
	`version` integer NOT NULL,
	`group_map` text DEFAULT '{}' NOT NULL,
	`adopted_by` text,
	`adopted_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`fiscal_year_id`) REFERENCES `fiscal_years`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `template_adoptions_org_template` ON `template_adoptions` (`org_id`,`template_id`);--> statement-breakpoint
CREATE INDEX `template_adoptions_template` ON `template_adoptions` (`template_id`);--> statement-breakpoint
CREATE TABLE `template_decisions` (
	`adoption_id` text NOT NULL,
	`version` integer NOT NULL,
	`item_id` text NOT NULL,
	`change` text NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`adoption_id`, `version`, `item_id`),
	FOREIGN KEY (`adoption_id`) REFERENCES `template_adoptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `template_measures` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`section` text DEFAULT 'table' NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`responsible_text` text DEFAULT '' NOT NULL,
	`all_groups` integer DEFAULT false NOT NULL,
	`monitoring` text DEFAULT '[]' NOT NULL,
	`removed_in_version` integer,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `template_measures_template` ON `template_measures` (`template_id`,`section`,`number`);--> statement-breakpoint
CREATE TABLE `template_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`template_measure_id` text NOT NULL,
	`step_number` integer NOT NULL,
	`title` text NOT NULL,
	`responsible_text` text DEFAULT '' NOT NULL,
	`due_on` text,
	`monitoring` text DEFAULT '[]' NOT NULL,
	`removed_in_version` integer,
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_measure_id`) REFERENCES `template_measures`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `template_steps_template` ON `template_steps` (`template_id`,`template_measure_id`,`step_number`);--> statement-breakpoint
CREATE TABLE `template_versions` (
	`template_id` text NOT NULL,
	`version` integer NOT NULL,
	`content` text NOT NULL,
	`published_by` text,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`template_id`, `version`),
	FOREIGN KEY (`template_id`) REFERENCES `templates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`be_year` integer NOT NULL,
	`title` text NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`published_at` integer,
	`edited_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `templates_org_year` ON `templates` (`org_id`,`be_year`);--> statement-breakpoint
ALTER TABLE `cards` ADD `template_step_id` text REFERENCES template_steps(id);--> statement-breakpoint
ALTER TABLE `measures` ADD `template_measure_id` text REFERENCES template_measures(id);--> statement-breakpoint
ALTER TABLE `organisations` ADD `parent_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `organisations` ADD `kind` text DEFAULT 'office' NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `attributes` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX `organisations_parent` ON `organisations` (`parent_id`);
