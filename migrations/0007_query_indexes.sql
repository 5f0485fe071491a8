CREATE INDEX `card_events_year_at` ON `card_events` (`fiscal_year_id`,`at`);--> statement-breakpoint
CREATE INDEX `outbox_report` ON `outbox` (`report_id`);--> statement-breakpoint
CREATE INDEX `outbox_org_status_created` ON `outbox` (`org_id`,`status`,`created_at`);