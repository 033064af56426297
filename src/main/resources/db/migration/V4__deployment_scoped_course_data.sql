-- LTI promises a context id and a resource link id unique only within a deployment, so course
-- data is keyed by registration (issuer + client id) + deployment + context from here on.

-- The launch's service context, kept per resource link and updated on every launch: what grading
-- (Assignment and Grade Services) and rosters (Names and Role Provisioning) need later, when no
-- launch is at hand. No personal data.
CREATE TABLE resource_link (
  issuer            VARCHAR(500)  NOT NULL,
  client_id         VARCHAR(255)  NOT NULL,
  deployment_id     VARCHAR(255)  NOT NULL,
  resource_link_id  VARCHAR(255)  NOT NULL,
  context_id        VARCHAR(255),
  context_title     VARCHAR(500),
  title             VARCHAR(500),
  ags_lineitem      VARCHAR(1000),
  ags_lineitems     VARCHAR(1000),
  ags_scopes        VARCHAR(2000),
  context_memberships_url VARCHAR(1000),
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, client_id, deployment_id, resource_link_id)
);
CREATE INDEX ix_resource_link_course ON resource_link (issuer, client_id, deployment_id, context_id);

-- Existing rows move to their registration and deployment where the issuer has exactly one of
-- each; rows of an issuer with several cannot be attributed and are kept under an empty client
-- and deployment id (never shown in a course, still there for export and erasure).
CREATE TABLE course_member_v4 (
  issuer        VARCHAR(500) NOT NULL,
  client_id     VARCHAR(255) NOT NULL,
  deployment_id VARCHAR(255) NOT NULL,
  context_id    VARCHAR(255) NOT NULL,
  user_id       VARCHAR(255) NOT NULL,
  display_name  VARCHAR(200),
  role          VARCHAR(20)  NOT NULL,
  last_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, client_id, deployment_id, context_id, user_id)
);
INSERT INTO course_member_v4 (issuer, client_id, deployment_id, context_id, user_id, display_name, role, last_seen)
SELECT m.issuer,
       COALESCE((SELECT MIN(r.client_id) FROM platform_registration r JOIN platform_deployment d
                  ON d.registration_id = r.id WHERE r.issuer = m.issuer
                 HAVING COUNT(*) = 1), ''),
       COALESCE((SELECT MIN(d.deployment_id) FROM platform_registration r JOIN platform_deployment d
                  ON d.registration_id = r.id WHERE r.issuer = m.issuer
                 HAVING COUNT(*) = 1), ''),
       m.context_id, m.user_id, m.display_name, m.role, m.last_seen
FROM course_member m;
DROP TABLE course_member;
ALTER TABLE course_member_v4 RENAME TO course_member;

CREATE TABLE unit_progress_v4 (
  issuer        VARCHAR(500) NOT NULL,
  client_id     VARCHAR(255) NOT NULL,
  deployment_id VARCHAR(255) NOT NULL,
  context_id    VARCHAR(255) NOT NULL,
  user_id       VARCHAR(255) NOT NULL,
  unit_id       VARCHAR(64)  NOT NULL,
  status        VARCHAR(20)  NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (issuer, client_id, deployment_id, context_id, user_id, unit_id)
);
INSERT INTO unit_progress_v4 (issuer, client_id, deployment_id, context_id, user_id, unit_id, status, updated_at)
SELECT p.issuer,
       COALESCE((SELECT MIN(r.client_id) FROM platform_registration r JOIN platform_deployment d
                  ON d.registration_id = r.id WHERE r.issuer = p.issuer
                 HAVING COUNT(*) = 1), ''),
       COALESCE((SELECT MIN(d.deployment_id) FROM platform_registration r JOIN platform_deployment d
                  ON d.registration_id = r.id WHERE r.issuer = p.issuer
                 HAVING COUNT(*) = 1), ''),
       p.context_id, p.user_id, p.unit_id, p.status, p.updated_at
FROM unit_progress p;
DROP TABLE unit_progress;
ALTER TABLE unit_progress_v4 RENAME TO unit_progress;

-- The session-token secret is encrypted at rest like the private keys when a key-encryption
-- secret is configured.
ALTER TABLE shared_secret ADD COLUMN encrypted BOOLEAN DEFAULT FALSE NOT NULL;
