DROP INDEX `organisations_parent`;--> statement-breakpoint
CREATE INDEX `organisations_parent` ON `organisations` (`parent_id`,`kind`);--> statement-breakpoint
ALTER TABLE `measure_aggregates` ADD `parent_id` text;--> statement-breakpoint
CREATE INDEX `measure_aggregates_parent_year` ON `measure_aggregates` (`parent_id`,`be_year`);--> statement-breakpoint
-- Hand-written: every aggregate row takes its office's parent body.
UPDATE `measure_aggregates` SET `parent_id` = (SELECT o.`parent_id` FROM `organisations` o WHERE o.`id` = `measure_aggregates`.`org_id`);
