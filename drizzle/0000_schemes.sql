CREATE TABLE "schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"pilot_starts_on" date NOT NULL,
	"pilot_ends_on" date NOT NULL,
	"review_on" date,
	"stall_after_weeks" integer DEFAULT 6 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
