CREATE TABLE `line_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`line_group_id` text NOT NULL,
	`audience` text,
	`office_group_id` text,
	`member_count` integer,
	`joined_at` integer NOT NULL,
	`left_at` integer,
	`linked_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `line_groups_org_group` ON `line_groups` (`org_id`,`line_group_id`);--> statement-breakpoint
CREATE TABLE `line_link_codes` (
	`code_hash` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`audience` text NOT NULL,
	`office_group_id` text,
	`created_by` text,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `line_link_codes_expiry` ON `line_link_codes` (`expires_at`);--> statement-breakpoint
CREATE TABLE `line_pushes` (
	`outbox_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`reserve` integer DEFAULT 0 NOT NULL,
	`queued_at` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `line_settings` (
	`org_id` text PRIMARY KEY NOT NULL,
	`channel_secret_enc` text NOT NULL,
	`channel_access_token_enc` text NOT NULL,
	`updated_by` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `line_webhook_events` (
	`org_id` text NOT NULL,
	`event_id` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `event_id`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `line_webhook_events_received` ON `line_webhook_events` (`received_at`);