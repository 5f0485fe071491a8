CREATE TABLE `measure_aggregates` (
	`measure_id` text PRIMARY KEY NOT NULL,
	`org_id` text NOT NULL,
	`fiscal_year_id` text NOT NULL,
	`be_year` integer NOT NULL,
	`template_measure_id` text,
	`todo` integer DEFAULT 0 NOT NULL,
	`doing` integer DEFAULT 0 NOT NULL,
	`review` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`due` text DEFAULT '{}' NOT NULL,
	`evidence` integer DEFAULT 0 NOT NULL,
	`oit` text DEFAULT '{}' NOT NULL,
	`oit_items` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `measure_aggregates_org_year` ON `measure_aggregates` (`org_id`,`be_year`);--> statement-breakpoint
CREATE INDEX `measure_aggregates_year` ON `measure_aggregates` (`fiscal_year_id`);--> statement-breakpoint
CREATE TABLE `aggregate_snapshots` (
	`org_id` text NOT NULL,
	`be_year` integer NOT NULL,
	`day` text NOT NULL,
	`total` integer NOT NULL,
	`done` integer NOT NULL,
	`overdue` integer NOT NULL,
	`behind` integer NOT NULL,
	`evidence` integer NOT NULL,
	PRIMARY KEY(`org_id`, `be_year`, `day`)
);
--> statement-breakpoint
CREATE INDEX `aggregate_snapshots_year_day` ON `aggregate_snapshots` (`be_year`,`day`);--> statement-breakpoint
CREATE TABLE `rollup_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`parent_org_id` text NOT NULL,
	`be_year` integer NOT NULL,
	`period_key` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`parent_org_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rollup_reports_parent_period` ON `rollup_reports` (`parent_org_id`,`period_key`);--> statement-breakpoint
-- Hand-written: the aggregates of every board that exists already (the same computation as db/aggregates.ts rebuildAggregates, for all years at once).
INSERT INTO `measure_aggregates` (`measure_id`, `org_id`, `fiscal_year_id`, `be_year`, `template_measure_id`, `todo`, `doing`, `review`, `done`, `due`, `evidence`, `oit`, `oit_items`)
WITH cs AS (
	SELECT c.`id`, c.`measure_id`, b.`category`, c.`due_on` FROM `cards` c JOIN `board_columns` b ON b.`id` = c.`column_id`
),
counts AS (
	SELECT `measure_id`, sum(`category` = 'todo') todo, sum(`category` = 'doing') doing, sum(`category` = 'review') review, sum(`category` = 'done') done FROM cs GROUP BY `measure_id`
),
dues AS (
	SELECT `measure_id`, json_group_object(`due_on`, n) due FROM (
		SELECT `measure_id`, `due_on`, count(*) n FROM cs WHERE `category` <> 'done' AND `due_on` IS NOT NULL GROUP BY `measure_id`, `due_on`
	) GROUP BY `measure_id`
),
ev AS (SELECT cs.`measure_id`, e.`oit_code` FROM `evidence_links` e JOIN cs ON cs.`id` = e.`card_id`),
evidence AS (SELECT `measure_id`, count(*) n FROM ev GROUP BY `measure_id`),
oits AS (
	SELECT `measure_id`, json_group_object(`oit_code`, n) oit FROM (
		SELECT `measure_id`, `oit_code`, count(*) n FROM ev WHERE `oit_code` IS NOT NULL GROUP BY `measure_id`, `oit_code`
	) GROUP BY `measure_id`
)
SELECT m.`id`, m.`org_id`, m.`fiscal_year_id`, fy.`be_year`, m.`template_measure_id`,
	coalesce(counts.todo, 0), coalesce(counts.doing, 0), coalesce(counts.review, 0), coalesce(counts.done, 0),
	coalesce(dues.due, '{}'), coalesce(evidence.n, 0), coalesce(oits.oit, '{}'),
	(SELECT count(*) FROM `oit_items` o WHERE o.`fiscal_year_id` = m.`fiscal_year_id`)
FROM `measures` m
JOIN `fiscal_years` fy ON fy.`id` = m.`fiscal_year_id`
LEFT JOIN counts ON counts.`measure_id` = m.`id`
LEFT JOIN dues ON dues.`measure_id` = m.`id`
LEFT JOIN evidence ON evidence.`measure_id` = m.`id`
LEFT JOIN oits ON oits.`measure_id` = m.`id`;
