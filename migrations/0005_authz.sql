ALTER TABLE `organisations` ADD `publication_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `fiscal_years` ADD `published` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `evidence_links` ADD `link_published` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `evidence_links` ADD `note_published` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `audit_action_at` ON `audit_log` (`action`,`at`);--> statement-breakpoint
UPDATE `fiscal_years` SET `published` = 1 WHERE `org_id` IN (SELECT `id` FROM `organisations` WHERE json_extract(`settings`, '$.publicPage') = 1);
