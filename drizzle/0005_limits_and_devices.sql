ALTER TABLE "devices" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "pair_channels" ADD COLUMN "op_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pair_channels" ADD COLUMN "op_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "pair_channels" SET "op_count" = o."n", "op_bytes" = o."bytes"
FROM (SELECT "pair_id", count(*)::int AS "n", sum(octet_length("body"))::bigint AS "bytes"
      FROM "pair_ops" GROUP BY "pair_id") o
WHERE o."pair_id" = "pair_channels"."pair_id";--> statement-breakpoint
ALTER TABLE "pair_reports" ADD COLUMN "upload_id" uuid;--> statement-breakpoint
UPDATE "pair_reports" SET "upload_id" = u."upload_id"
FROM "metric_uploads" u
WHERE u."pair_id" = "pair_reports"."pair_id" AND u."participant_id" = "pair_reports"."participant_id"
  AND u."applied" AND u."generated_at" = "pair_reports"."generated_at";--> statement-breakpoint
DROP TABLE "metric_uploads" CASCADE;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD COLUMN "expires_at" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "rate_limits_expiry" ON "rate_limits" USING btree ("expires_at");
