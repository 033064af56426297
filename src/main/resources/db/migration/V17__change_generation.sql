-- Several instances on one database act as one tool (docs/cluster.md). Each instance keeps caches
-- of what the registrations say (switched on, platform origins, service tokens); a change to the
-- registrations adds one to their generation in the same transaction, and every instance reads the
-- number (at most once per request) and drops what it cached under an older one. So a registration
-- switched off on one instance is refused by every other at its next request.
CREATE TABLE change_generation (
  topic      VARCHAR(40) NOT NULL PRIMARY KEY,
  generation BIGINT      NOT NULL
);
INSERT INTO change_generation (topic, generation) VALUES ('registrations', 0);
