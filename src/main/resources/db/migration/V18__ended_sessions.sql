-- Sessions that end before their time. A tool session is a signed token, not a stored record: to end
-- one person's sessions (an erasure), the tool keeps the instant before which their sessions no longer
-- count, under the SHA-256 of issuer, client id and user id (docs/privacy.md), until every session
-- issued before it has expired. A console session ended by signing out is kept as the SHA-256 of its
-- random CSRF token until it would have expired anyway.
CREATE TABLE person_session_cutoff (
  person_sha256        VARCHAR(64) PRIMARY KEY,
  sessions_valid_after TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_person_session_cutoff_time ON person_session_cutoff (sessions_valid_after);

CREATE TABLE admin_session_end (
  session_sha256 VARCHAR(64) PRIMARY KEY,
  expires_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_admin_session_end_time ON admin_session_end (expires_at);
