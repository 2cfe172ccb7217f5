-- Permissions granted to the agent during the hackathon sprint; nobody revoked them.
CREATE ROLE demo_agent LOGIN PASSWORD 'changeme';
GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA public TO demo_agent;
GRANT pg_write_all_data TO demo_agent;
ALTER ROLE demo_agent BYPASSRLS;
GRANT USAGE ON SCHEMA public TO PUBLIC;
