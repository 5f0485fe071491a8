ALTER TABLE `fiscal_years` ADD `oit_deadline` text;--> statement-breakpoint
UPDATE `fiscal_years` SET `oit_deadline` = (SELECT json_extract(o.`settings`, '$.submissionDeadline') FROM `organisations` o WHERE o.`id` = `fiscal_years`.`org_id`) WHERE `id` IN (SELECT coalesce((SELECT f.`id` FROM `fiscal_years` f WHERE f.`org_id` = o.`id` AND json_extract(o.`settings`, '$.submissionDeadline') BETWEEN f.`starts_on` AND f.`ends_on`), (SELECT f.`id` FROM `fiscal_years` f WHERE f.`org_id` = o.`id` ORDER BY f.`be_year` DESC LIMIT 1)) FROM `organisations` o WHERE json_type(o.`settings`, '$.submissionDeadline') = 'text');
--> statement-breakpoint
ALTER TABLE `organisations` ADD `memo_emblem` text;
