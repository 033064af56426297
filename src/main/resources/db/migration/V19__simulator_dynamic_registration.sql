-- LTI Dynamic Registration 1.0 on the built-in platform simulator (unused when it is off).
-- One-time registration tokens the simulator's "Register a tool" action issues: only their SHA-256
-- is kept; each expires and works once (used_at set when a registration consumed it).
CREATE TABLE sim_registration_token (
  token_sha256 VARCHAR(64) PRIMARY KEY,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  used_at      TIMESTAMP WITH TIME ZONE
);

-- The tools registered with the simulator through Dynamic Registration: the client id and
-- deployment the simulator gave, and what the tool said about itself.
CREATE TABLE sim_tool_registration (
  client_id       VARCHAR(64)   PRIMARY KEY,
  deployment_id   VARCHAR(64)   NOT NULL,
  client_name     VARCHAR(200)  NOT NULL,
  login_uri       VARCHAR(1000) NOT NULL,
  redirect_uris   VARCHAR(4000) NOT NULL,
  target_link_uri VARCHAR(1000) NOT NULL,
  jwks_uri        VARCHAR(1000) NOT NULL,
  scopes          VARCHAR(2000) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which client a simulated launch is for; null for the simulator's built-in registration.
ALTER TABLE sim_launch ADD COLUMN client_id VARCHAR(64);
