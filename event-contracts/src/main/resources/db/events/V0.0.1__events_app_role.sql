-- Runs first in every service database, as the schema owner (Flyway's user). The service itself connects as
-- ${app_role}: it gets data privileges on what the owner creates from here on, never DDL. A migration that wants
-- less (an append-only table) revokes from ${app_role} explicitly.
GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app_role};
