ALTER TABLE `users` ADD `password_expires_at` integer;--> statement-breakpoint
ALTER TABLE `memberships` ADD `disabled_at` integer;--> statement-breakpoint
ALTER TABLE `memberships` ADD `removed_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `user_agent` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `ip` text;--> statement-breakpoint
ALTER TABLE `sign_in_throttle` ADD `blocked_until` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sign_in_throttle` ADD `last_attempt` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE TABLE `server_keys` (
	`name` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sign_in_throttle_window` ON `sign_in_throttle` (`window_start`);
