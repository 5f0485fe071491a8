CREATE TABLE `link_check_cursor` (
	`id` text PRIMARY KEY NOT NULL,
	`pass_day` text NOT NULL,
	`after_org_id` text,
	`after_url` text,
	`done` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `link_checks` (
	`org_id` text NOT NULL,
	`url` text NOT NULL,
	`status` integer,
	`final_url` text,
	`error` text,
	`checked_at` integer NOT NULL,
	PRIMARY KEY(`org_id`, `url`),
	FOREIGN KEY (`org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
