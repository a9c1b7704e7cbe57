-- The audit log is append-only in the database too: an UPDATE, DELETE or TRUNCATE fails, whoever sends it.
-- (A superuser can drop these triggers; verifyAuditChain catches what they change then.)
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The read caches' version (SQLite's PRAGMA data_version has no PostgreSQL twin): every process takes
-- the next value after each write it commits; a cache keyed by last_value is stale once it moves.
CREATE SEQUENCE ilm_data_version;
