-- Platforms this tool is registered with, and their deployments.
-- Ids come from a sequence, not an identity column: EclipseLink 4.0 reads an identity back from
-- H2 with CALL IDENTITY(), which H2 2.x no longer has.
CREATE SEQUENCE platform_registration_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE platform_registration (
  id                     BIGINT PRIMARY KEY,
  name                   VARCHAR(200)  NOT NULL,
  issuer                 VARCHAR(500)  NOT NULL,
  client_id              VARCHAR(255)  NOT NULL,
  authorization_endpoint VARCHAR(1000) NOT NULL,
  token_endpoint         VARCHAR(1000) NOT NULL,
  jwks_uri               VARCHAR(1000) NOT NULL,
  origin                 VARCHAR(30)   NOT NULL,
  source_file            VARCHAR(300),
  updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT uq_registration UNIQUE (issuer, client_id)
);

CREATE TABLE platform_deployment (
  registration_id BIGINT       NOT NULL REFERENCES platform_registration (id) ON DELETE CASCADE,
  deployment_id   VARCHAR(255) NOT NULL,
  PRIMARY KEY (registration_id, deployment_id)
);

-- Signing keys: the tool's own, and the simulator platform's. CURRENT signs; NEXT is published
-- ahead of rotation so that platforms already know it.
CREATE TABLE signing_key (
  kid        VARCHAR(64)    PRIMARY KEY,
  owner      VARCHAR(30)    NOT NULL,
  status     VARCHAR(16)    NOT NULL,
  jwk        VARCHAR(16000) NOT NULL,
  encrypted  BOOLEAN        NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per login initiation: binds state, nonce and the browser that started it.
CREATE TABLE login_state (
  state        VARCHAR(64)  PRIMARY KEY,
  nonce        VARCHAR(64)  NOT NULL,
  browser_hash VARCHAR(64)  NOT NULL,
  issuer       VARCHAR(500) NOT NULL,
  client_id    VARCHAR(255) NOT NULL,
  -- kept to offer "open in a new window" when the browser blocked the state cookie
  login_hint      VARCHAR(1000) NOT NULL,
  message_hint    VARCHAR(2000),
  target_link_uri VARCHAR(1000) NOT NULL,
  deployment_hint VARCHAR(255),
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_login_state_expiry ON login_state (expires_at);

-- Nonces of accepted launches; the primary key makes a replay fail on any instance.
CREATE TABLE used_nonce (
  issuer     VARCHAR(500) NOT NULL,
  nonce      VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, nonce)
);
CREATE INDEX ix_used_nonce_expiry ON used_nonce (expires_at);

-- Secrets the instances share (e.g. the key that signs tool session tokens).
CREATE TABLE shared_secret (
  name       VARCHAR(64)   PRIMARY KEY,
  secret     VARCHAR(2000) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
