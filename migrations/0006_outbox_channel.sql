-- The outbox gains a channel (email now, LINE next), a recipient column per channel (to_email
-- becomes nullable, target is new) and a retry key. SQLite cannot relax NOT NULL or add a CHECK in
-- place, so the table is rebuilt and every row copied: existing rows are emails (channel 'email',
-- no target) and take their own id, a UUID fixed when they were queued, as their retry key.
-- Edited by hand after drizzle-kit generate: its copy selected the new columns from the old table,
-- and its PRAGMA foreign_keys lines are dropped (no table references outbox, and D1 runs a
-- migration in one transaction, where that pragma does nothing).
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`channel` text DEFAULT 'email' NOT NULL,
	`dedupe_key` text NOT NULL,
	`report_id` text,
	`to_email` text,
	`target` text,
	`subject` text NOT NULL,
	`raw` text NOT NULL,
	`retry_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_recipient" CHECK((channel = 'email' and to_email is not null) or (channel <> 'email' and target is not null))
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "org_id", "channel", "dedupe_key", "report_id", "to_email", "target", "subject", "raw", "retry_key", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at") SELECT "id", "org_id", 'email', "dedupe_key", "report_id", "to_email", NULL, "subject", "raw", "id", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_key_unique` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_retry_key_unique` ON `outbox` (`retry_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);