CREATE TABLE "backup_keys" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"salt" "bytea" NOT NULL,
	"iterations" integer NOT NULL,
	"passphrase_iv" "bytea" NOT NULL,
	"passphrase_key" "bytea" NOT NULL,
	"recovery_iv" "bytea" NOT NULL,
	"recovery_key" "bytea" NOT NULL,
	"recovery_auth_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "backup_keys_recovery_auth_hash_unique" UNIQUE("recovery_auth_hash")
);
--> statement-breakpoint
CREATE TABLE "backup_parts" (
	"backup_id" uuid NOT NULL,
	"index" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "backup_parts_backup_id_index_pk" PRIMARY KEY("backup_id","index")
);
--> statement-breakpoint
CREATE TABLE "backups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"parts" integer,
	"bytes" integer,
	"sha256" text,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_channel_devices" (
	"pair_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_synced_at" timestamp with time zone,
	CONSTRAINT "pair_channel_devices_pair_id_device_id_pk" PRIMARY KEY("pair_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "pair_channels" (
	"pair_id" uuid PRIMARY KEY NOT NULL,
	"link_verifier" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pair_link_offers" (
	"pair_id" uuid PRIMARY KEY NOT NULL,
	"salt" "bytea" NOT NULL,
	"iv" "bytea" NOT NULL,
	"wrapped_key" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by_device" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pair_ops" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"pair_id" uuid NOT NULL,
	"op_id" uuid NOT NULL,
	"device_id" uuid,
	"body" "bytea" NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "backup_keys" ADD CONSTRAINT "backup_keys_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backup_parts" ADD CONSTRAINT "backup_parts_backup_id_backups_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."backups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backups" ADD CONSTRAINT "backups_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_channel_devices" ADD CONSTRAINT "pair_channel_devices_pair_id_pair_channels_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pair_channels"("pair_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_channel_devices" ADD CONSTRAINT "pair_channel_devices_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_channels" ADD CONSTRAINT "pair_channels_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_link_offers" ADD CONSTRAINT "pair_link_offers_pair_id_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pairs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_link_offers" ADD CONSTRAINT "pair_link_offers_created_by_device_devices_id_fk" FOREIGN KEY ("created_by_device") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_ops" ADD CONSTRAINT "pair_ops_pair_id_pair_channels_pair_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."pair_channels"("pair_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_ops" ADD CONSTRAINT "pair_ops_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backups_participant" ON "backups" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "pair_channel_devices_device" ON "pair_channel_devices" USING btree ("device_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pair_ops_op" ON "pair_ops" USING btree ("pair_id","op_id");--> statement-breakpoint
CREATE INDEX "pair_ops_pair_seq" ON "pair_ops" USING btree ("pair_id","seq");