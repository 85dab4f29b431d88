CREATE TABLE "match_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"mentee_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"score" double precision NOT NULL,
	"criteria" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"respond_by" timestamp with time zone,
	"mentee_answered_at" timestamp with time zone,
	"mentor_answered_at" timestamp with time zone,
	"declined_by" text,
	"decline_reason" text,
	"closed_at" timestamp with time zone,
	"pair_id" uuid
);
--> statement-breakpoint
CREATE TABLE "matching_runs" (
	"scheme_id" uuid PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"total_score" double precision NOT NULL,
	"unmatched" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentee_needs" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"needs" jsonb NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_profiles" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"pen_picture" jsonb NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scheme_matching_settings" (
	"scheme_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "trained_on" date;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_mentee_id_participants_id_fk" FOREIGN KEY ("mentee_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_mentor_id_participants_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_runs" ADD CONSTRAINT "matching_runs_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentee_needs" ADD CONSTRAINT "mentee_needs_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_profiles" ADD CONSTRAINT "mentor_profiles_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheme_matching_settings" ADD CONSTRAINT "scheme_matching_settings_scheme_id_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_proposals_scheme_status" ON "match_proposals" USING btree ("scheme_id","status");--> statement-breakpoint
CREATE INDEX "match_proposals_mentor" ON "match_proposals" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "match_proposals_mentee" ON "match_proposals" USING btree ("mentee_id");--> statement-breakpoint
CREATE INDEX "match_proposals_respond_by" ON "match_proposals" USING btree ("respond_by") WHERE "match_proposals"."status" in ('with-mentee', 'with-mentor');--> statement-breakpoint
CREATE UNIQUE INDEX "match_proposals_one_open" ON "match_proposals" USING btree ("mentee_id") WHERE "match_proposals"."status" in ('draft', 'with-mentee', 'with-mentor');