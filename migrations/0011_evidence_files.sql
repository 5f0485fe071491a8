CREATE TABLE `evidence_files` (
	`id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`card_id` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`r2_key` text NOT NULL,
	`uploaded_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`card_id`) REFERENCES `cards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_files_card` ON `evidence_files` (`card_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_files_key` ON `evidence_files` (`r2_key`);--> statement-breakpoint
ALTER TABLE `evidence_links` ADD `file_id` text REFERENCES evidence_files(id);
